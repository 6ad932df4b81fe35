package main

import (
	"io"

	"github.com/urfave/cli/v2"

	"github.com/turntag/turntag/pipeline/write"
)

// newDocumentsSink opens the output of tag --documents: one row per
// document (write.DocumentRecord) in the run's format.
func newDocumentsSink(target string, stdout io.Writer, format string, raw bool) (*sink, error) {
	if format == "parquet" && (target == "" || target == "-") {
		return nil, cli.Exit("usage: --format parquet needs a file for --documents: Parquet is not written to stdout", 2)
	}
	out, err := openOutput(target, stdout)
	if err != nil {
		return nil, cli.Exit(err.Error(), 1)
	}
	switch format {
	case "parquet":
		return &sink{out: out, pq: write.NewDocumentParquetWriter(out)}, nil
	case "jsonl":
		return &sink{out: out, w: write.NewWriter(out, write.DocumentJSONLEncoder{})}, nil
	}
	return &sink{out: out, w: write.NewWriter(out, write.DocumentCSVEncoder{Raw: raw})}, nil
}
