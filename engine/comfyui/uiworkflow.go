package comfyui

import (
	"slices"
	"strconv"
)

// uiNode says how the ComfyUI editor shows a node class: its widgets in
// order (a value easel cannot know, such as KSampler's "control after
// generate", is given as fixed) and the types of its outputs.
type uiNode struct {
	widgets []string
	outputs []string
}

// uiNodes are the classes of the built-in txt2img graph, from nodes.py.
var uiNodes = map[string]uiNode{
	"CheckpointLoaderSimple": {[]string{"ckpt_name"}, []string{"MODEL", "CLIP", "VAE"}},
	"CLIPTextEncode":         {[]string{"text"}, []string{"CONDITIONING"}},
	"EmptyLatentImage":       {[]string{"width", "height", "batch_size"}, []string{"LATENT"}},
	"KSampler":               {[]string{"seed", "control_after_generate", "steps", "cfg", "sampler_name", "scheduler", "denoise"}, []string{"LATENT"}},
	"VAEDecode":              {nil, []string{"IMAGE"}},
	"SaveImage":              {[]string{"filename_prefix"}, nil},
	"PreviewImage":           {nil, nil},
}

// UIWorkflow turns an API-format graph into the UI format the ComfyUI
// editor loads ({"nodes", "links", ...}), as sent in
// extra_data.extra_pnginfo.workflow: SaveImage writes it into the PNG, so
// dropping the picture on ComfyUI opens the graph that made it. It is nil
// when the graph has a node class whose widget order it does not know (a
// person's own workflow): guessed widgets would open wrong, while without
// a workflow the editor opens the PNG's API-format "prompt" chunk.
func UIWorkflow(graph map[string]any) map[string]any {
	for _, n := range graph {
		if _, ok := uiNodes[classOf(n)]; !ok {
			return nil
		}
	}
	ids := make([]string, 0, len(graph))
	for id := range graph {
		ids = append(ids, id)
	}
	// Numeric ids in numeric order, then the others.
	slices.SortFunc(ids, func(a, b string) int {
		x, errA := strconv.Atoi(a)
		y, errB := strconv.Atoi(b)
		switch {
		case errA == nil && errB == nil:
			return x - y
		case errA == nil:
			return -1
		case errB == nil:
			return 1
		}
		if a < b {
			return -1
		}
		return 1
	})
	num := map[string]int{}
	next := 1
	for _, id := range ids {
		if n, err := strconv.Atoi(id); err == nil && n > 0 {
			num[id] = n
			next = max(next, n+1)
		}
	}
	for _, id := range ids {
		if _, ok := num[id]; !ok {
			num[id] = next
			next++
		}
	}
	type out struct {
		typ   string
		links []any
	}
	outs := map[int][]out{} // node → its outputs, grown as links need them
	nodes := make([]map[string]any, 0, len(ids))
	var links []any
	linkID := 0
	for order, id := range ids {
		node, _ := graph[id].(map[string]any)
		class, _ := node["class_type"].(string)
		inputs, _ := node["inputs"].(map[string]any)
		spec, known := uiNodes[class] // always known: see above
		names := make([]string, 0, len(inputs))
		for name := range inputs {
			names = append(names, name)
		}
		slices.Sort(names)
		var uiInputs []any
		widgets := []any{}
		for _, name := range names {
			link, isLink := inputs[name].([]any)
			if !isLink || len(link) != 2 {
				if !known {
					widgets = append(widgets, inputs[name])
				}
				continue
			}
			src, _ := link[0].(string)
			slot, _ := link[1].(float64)
			from, ok := num[src]
			if !ok {
				continue
			}
			typ := "*"
			if s, ok := uiNodes[nodeClass(graph, src)]; ok && int(slot) < len(s.outputs) {
				typ = s.outputs[int(slot)]
			}
			linkID++
			links = append(links, []any{linkID, from, int(slot), num[id], len(uiInputs), typ})
			uiInputs = append(uiInputs, map[string]any{"name": name, "type": typ, "link": linkID})
			for len(outs[from]) <= int(slot) {
				outs[from] = append(outs[from], out{typ: "*"})
			}
			outs[from][int(slot)].typ = typ
			outs[from][int(slot)].links = append(outs[from][int(slot)].links, linkID)
		}
		if known {
			for _, w := range spec.widgets {
				if w == "control_after_generate" {
					widgets = append(widgets, "fixed")
					continue
				}
				widgets = append(widgets, inputs[w])
			}
		}
		nodes = append(nodes, map[string]any{
			"id": num[id], "type": class, "pos": []int{40 + 320*order, 120}, "size": []int{300, 160},
			"flags": map[string]any{}, "order": order, "mode": 0,
			"inputs": orEmpty(uiInputs), "properties": map[string]any{"Node name for S&R": class},
			"widgets_values": widgets,
		})
		if known {
			for len(outs[num[id]]) < len(spec.outputs) {
				outs[num[id]] = append(outs[num[id]], out{typ: spec.outputs[len(outs[num[id]])]})
			}
		}
	}
	for _, n := range nodes {
		var list []any
		for slot, o := range outs[n["id"].(int)] {
			list = append(list, map[string]any{"name": o.typ, "type": o.typ, "links": orEmpty(o.links), "slot_index": slot})
		}
		n["outputs"] = orEmpty(list)
	}
	return map[string]any{
		"last_node_id": next - 1, "last_link_id": linkID, "nodes": nodes, "links": orEmpty(links),
		"groups": []any{}, "config": map[string]any{}, "extra": map[string]any{}, "version": 0.4,
	}
}

func classOf(n any) string {
	node, _ := n.(map[string]any)
	class, _ := node["class_type"].(string)
	return class
}

func nodeClass(graph map[string]any, id string) string {
	node, _ := graph[id].(map[string]any)
	class, _ := node["class_type"].(string)
	return class
}

func orEmpty(v []any) []any {
	if v == nil {
		return []any{}
	}
	return v
}
