// Package template expands dynamic-prompt templates: the language of the
// sd-dynamic-prompts extension and its dynamicprompts library, used by
// AUTOMATIC1111/Forge, ComfyUI and InvokeAI. easel reads the same templates
// and wildcard libraries and expands them the same way; the specification is
// shared/reference/dynamic-prompts.md.
//
//	{red|green|blue}            a variant: one of the options
//	{2::red|blue}               weights (the random sampler uses them)
//	{1-2$$ and $$a|b|c}         one or two options, joined by " and "
//	__colors__                  a value from the wildcard file colors.txt
//	__animals/*__               glob over wildcard files and YAML/JSON keys
//	${c={red|blue}} ${c}        variables; ${c=!…} is evaluated once
//	__greet(name=Ann)__         parameterised wildcard
//	%{a ... on a hill$$fox}     wrap: "a fox on a hill"
//	{~a|b} {@a|b} {!a|b}        random, cyclical, combinatorial sampler
//	# comment                   to the end of the line
//
// Parse turns a template into a *Template; Template.Prompts streams its
// prompts under one of three samplers (combinatorial, random, cyclical);
// Expand is the short form that the imagine and prompt commands use.
//
// Where easel differs from the library on purpose:
//   - a wildcard name containing ".." is an error, not a silent miss;
//   - a missing wildcard in a combinatorial listing gives its __name__ once,
//     not repeated up to the cap;
//   - template and wildcard nesting deeper than MaxDepth is an error;
//   - random output is seeded with Go's PCG, so it matches the library's
//     set of possible prompts but not Python's exact draws.
package template
