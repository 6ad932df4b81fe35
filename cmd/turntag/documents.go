package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline/write"
)

// newDocumentsSink opens the output of tag --documents: one row per
// document (write.DocumentRecord) in the run's format.
func newDocumentsSink(t *target, stdout io.Writer, format string, raw bool) (*sink, error) {
	out, err := openOutput(t, stdout)
	if err != nil {
		return nil, cli.Exit(err.Error(), exitFailed)
	}
	switch format {
	case "parquet":
		return &sink{out: out, pq: write.NewDocumentParquetWriter(out)}, nil
	case "jsonl":
		return &sink{out: out, w: write.NewWriter(out, write.DocumentJSONLEncoder{})}, nil
	}
	return &sink{out: out, w: write.NewWriter(out, write.DocumentCSVEncoder{Raw: raw})}, nil
}
