package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// table draws the tables of easel engines, doctor and gallery: a header
// in capitals and rows, columns two spaces apart.
type table struct{ tw *tabwriter.Writer }

func newTable(w io.Writer, header ...string) *table {
	t := &table{tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) { fmt.Fprintln(t.tw, strings.Join(cells, "\t")) }

func (t *table) flush() error { return t.tw.Flush() }

// reachableCell is the REACHABLE column of a checked engine or prompt
// writer: yes (naming the model when known), no and why, or why it was
// not checked.
func reachableCell(checked bool, reachable *bool, errMsg, model string) string {
	switch {
	case !checked && errMsg != "":
		return errMsg
	case !checked:
		return "-"
	case *reachable && model != "":
		return "yes, model " + model
	case *reachable:
		return "yes"
	}
	return "no: " + errMsg
}
