package anthropic

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadEvents(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []event
	}{
		{"basic", "event: a\ndata: {}\n\n", []event{{"a", []byte("{}")}}},
		{"crlf and comment", ": hi\r\nevent: b\r\ndata: 1\r\n\r\n", []event{{"b", []byte("1")}}},
		{"multi-line data", "data: x\ndata: y\n\n", []event{{"message", []byte("x\ny")}}},
		{"no space", "event:c\ndata:2\n\n", []event{{"c", []byte("2")}}},
		{"no data is skipped", "event: ping\n\nevent: d\ndata: 3", []event{{"d", []byte("3")}}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []event
			err := readEvents(strings.NewReader(tc.in), func(e event) error { got = append(got, e); return nil })
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
	stop := errors.New("stop")
	if err := readEvents(strings.NewReader("data: 1\n\ndata: 2\n\n"), func(event) error { return stop }); err != stop {
		t.Errorf("err = %v; want the callback's error", err)
	}
}

func FuzzReadEvents(f *testing.F) {
	f.Add("event: message_start\ndata: {\"type\":\"message_start\"}\n\n")
	f.Add("data: a\r\ndata: b\r\n\r\n:comment\n")
	f.Fuzz(func(t *testing.T, in string) {
		n := 0
		err := readEvents(strings.NewReader(in), func(e event) error {
			n++
			if e.Name == "" {
				t.Errorf("event without a name")
			}
			return nil
		})
		if err != nil {
			t.Skip()
		}
		if n > strings.Count(in, "data")+1 {
			t.Errorf("%d events from %d data fields", n, strings.Count(in, "data"))
		}
	})
}
