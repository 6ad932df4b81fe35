package tagbeam

import (
	"fmt"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// Counters returns the run's turntag counters by name (files, turns,
// bytes, failed_KIND), summed over steps; nil when the runner reported no
// metrics.
func Counters(res beam.PipelineResult) map[string]int64 {
	if res == nil {
		return nil
	}
	out := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == "turntag" {
			out[c.Key.Name] += c.Result()
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Summary renders counters as the CLI's summary line does:
// "turntag-beam: 16 files, 368 turns, 0.2 MB, 2 failed (no_text 1, unsupported 1)".
func Summary(counters map[string]int64) string {
	var failed int64
	var kinds []string
	for name, n := range counters {
		if k, ok := strings.CutPrefix(name, "failed_"); ok && n > 0 {
			failed += n
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
	}
	sort.Strings(kinds)
	s := fmt.Sprintf("turntag-beam: %d files, %d turns, %.1f MB, %d failed", counters["files"], counters["turns"], float64(counters["bytes"])/1e6, failed)
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	return s
}
