package anthropic

import (
	"bufio"
	"bytes"
	"io"
)

// event is one server-sent event.
type event struct {
	Name string
	Data []byte
}

// maxEventLine bounds one line of the stream, so a broken server cannot
// make the client buffer without end.
const maxEventLine = 8 << 20

// readEvents reads a text/event-stream and calls fn for each event, in
// order, until the stream ends or fn returns an error. It follows the SSE
// rules the Messages API relies on: "event:" and "data:" fields, several
// data lines joined by newlines, comments starting with ":", and events
// ended by a blank line. An event with no data is skipped.
func readEvents(r io.Reader, fn func(event) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxEventLine)
	var name string
	var data []byte
	hasData := false
	dispatch := func() error {
		defer func() { name, data, hasData = "", nil, false }()
		if !hasData {
			return nil
		}
		if name == "" {
			name = "message"
		}
		return fn(event{Name: name, Data: data})
	}
	for sc.Scan() {
		line := bytes.TrimSuffix(sc.Bytes(), []byte("\r"))
		if len(line) == 0 {
			if err := dispatch(); err != nil {
				return err
			}
			continue
		}
		if line[0] == ':' {
			continue
		}
		field, value, _ := bytes.Cut(line, []byte(":"))
		value = bytes.TrimPrefix(value, []byte(" "))
		switch string(field) {
		case "event":
			name = string(value)
		case "data":
			if hasData {
				data = append(data, '\n')
			}
			data = append(data, value...)
			hasData = true
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	// A last event without its blank line still counts.
	return dispatch()
}
