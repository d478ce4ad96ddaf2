#!/usr/bin/env python3
"""Regenerates jinja_feature_cases.json: small templates exercising one interpreter feature
each, with the output Jinja2 produces in the environment chat templates are rendered with
(sandboxed, trim_blocks, lstrip_blocks, loop controls, transformers' tojson, raise_exception,
strftime_now pinned to 2026-11-28 12:00). Run with Jinja2 3.1 installed; the test only reads
the JSON."""
import json
import sys
from datetime import datetime

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(fmt):
    return datetime(2026, 11, 28, 12, 0, 0).strftime(fmt)


class GenerationBlock(Extension):
    """{% generation %}...{% endgeneration %} renders its body, as transformers' AssistantTracker."""

    tags = {"generation"}

    def parse(self, parser):
        next(parser.stream)
        return parser.parse_statements(("name:endgeneration",), drop_needle=True)


env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols, GenerationBlock])
env.filters["tojson"] = tojson
env.globals["raise_exception"] = raise_exception
env.globals["strftime_now"] = strftime_now

CTX = {
    "messages": [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Grüße 🌍 \"q\" 'a'"},
        {"role": "assistant", "content": "  ok  ", "tool_calls": [{"name": "f", "arguments": {"b": 1, "a": [1.5, None, True]}}]},
    ],
    "n": 7, "f": 2.5, "s": "Hello World", "l": [3, 1, 2], "d": {"z": 1, "a": 2, "m": None},
    "words": ["b", "A", "c", "a"], "empty": [], "none": None, "t": True,
}

CASES = [
    # whitespace control
    ("trim_blocks", "{% if t %}\nyes\n{% endif %}\nend"),
    ("lstrip_blocks", "a\n    {% if t %}\n    x\n    {% endif %}\nb"),
    ("minus_strip", "a   {%- if t -%}   b   {%- endif -%}   c"),
    ("plus_keeps", "a\n    {%+ if t %}x{% endif +%}\nb"),
    ("var_minus", "a  {{- 'x' -}}  b"),
    ("comment_strip", "a\n  {# note #}\nb {#- x -#} c"),
    ("raw_block", "{% raw %}{{ not evaluated }} {% if %}{% endraw %}!"),
    ("trailing_newline", "line\n"),
    ("crlf_source", "a\r\n{% if t %}\r\nb\r\n{% endif %}\r\n"),
    ("var_no_trim", "{{ 'x' }}\ny"),
    ("inline_lstrip", "x {% if t %}y{% endif %} z"),
    # for loops
    ("loop_vars", "{% for x in l %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}"),
    ("loop_prev_next", "{% for x in l %}{{ loop.previtem is defined }}{{ loop.previtem }}-{{ loop.nextitem }}|{% endfor %}"),
    ("loop_cycle", "{% for x in l %}{{ loop.cycle('a', 'b') }}{% endfor %}"),
    ("loop_else", "{% for x in empty %}x{% else %}none{% endfor %}"),
    ("loop_filter", "{% for x in l if x > 1 %}{{ x }}{{ loop.index }}{{ loop.length }} {% endfor %}"),
    ("loop_unpack", "{% for k, v in d.items() %}{{ k }}={{ v }},{% endfor %}"),
    ("loop_dict_keys", "{% for k in d %}{{ k }}{% endfor %}"),
    ("loop_string", "{% for c in 'héllo' %}[{{ c }}]{% endfor %}"),
    ("loop_break_continue", "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}"),
    ("loop_scope", "{% set x = 1 %}{% for i in l %}{% set x = i %}{% endfor %}{{ x }}"),
    ("namespace", "{% set ns = namespace(c=0, s='') %}{% for i in l %}{% set ns.c = ns.c + i %}{% set ns.s = ns.s ~ i %}{% endfor %}{{ ns.c }} {{ ns.s }}"),
    ("nested_loops", "{% for a in [1,2] %}{% for b in [3,4] %}{{ loop.index }}{{ a }}{{ b }} {% endfor %}{{ loop.index }}|{% endfor %}"),
    ("loop_body_scope_per_iteration", "{% set count = 0 %}{% for i in range(3) %}{% set count = count + 1 %}{{ count }}{% endfor %}|{{ count }}"),
    ("loop_set_not_carried", "{% for i in range(3) %}{% if i == 0 %}{% set x = 5 %}{% endif %}[{{ x }}]{% endfor %}[{{ y }}]{% for i in range(3) %}[{{ y }}]{% set y = i %}{% endfor %}"),
    ("macro_local_set", "{% macro m() %}{% set z = 1 %}{{ z }}{% endmacro %}{% set z = 9 %}{{ m() }}{{ z }}"),
    ("macro_late_binding", "{% set a = 1 %}{% macro m() %}{{ a }}{% endmacro %}{% set a = 2 %}{{ m() }}"),
    ("macro_in_loop", "{% for i in [1] %}{% set a = 3 %}{% macro m() %}{{ a }}{% endmacro %}{{ m() }}{% endfor %}"),
    ("if_scope_leaks", "{% if t %}{% set y = 5 %}{% endif %}{{ y }}"),
    # set
    ("set_block", "{% set b %}x{{ n }}y{% endset %}[{{ b }}]"),
    ("set_block_filter", "{% set b | upper | trim %}  hi {{ s }} {% endset %}[{{ b }}]"),
    ("set_tuple", "{% set a, b = 1, 2 %}{{ a }}{{ b }}"),
    # macros and call
    ("macro_defaults", "{% macro m(a, b='B', c=none) %}{{ a }}{{ b }}{{ c }}{% endmacro %}{{ m(1) }}|{{ m(1, 2) }}|{{ m(1, c=3) }}"),
    ("macro_call_block", "{% macro wrap(x) %}<{{ caller() }}{{ x }}>{% endmacro %}{% call wrap('!') %}in{% endcall %}"),
    ("call_with_args", "{% macro each(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(v) each(l) %}[{{ v }}]{% endcall %}"),
    ("macro_sees_globals", "{% macro m() %}{{ n }}{% endmacro %}{{ m() }}"),
    ("filter_block", "{% filter upper %}abc {{ s }}{% endfilter %}"),
    ("generation_block", "{% generation %}gen {{ n }}{% endgeneration %}"),
    # expressions
    ("arith", "{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7 / 2 }} {{ 2 ** 10 }} {{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 2.5 * 2 }}"),
    ("concat", "{{ 'a' ~ 1 ~ none ~ t ~ [1, 'b'] ~ undefined_thing }}"),
    ("compare", "{{ 1 == 1.0 }} {{ 1 < 2 }} {{ 'a' < 'b' }} {{ [1,2] == [1,2] }} {{ 1 != 2 }} {{ none == none }} {{ t == 1 }}"),
    ("in_ops", "{{ 'ell' in s }} {{ 2 in l }} {{ 'z' in d }} {{ 'q' not in d }} {{ 5 not in l }}"),
    ("ternary", "{{ 'y' if t else 'n' }} {{ 'y' if none else 'n' }} [{{ 'y' if none }}]"),
    ("and_or_values", "{{ none or 'fallback' }} {{ 0 and 1 }} {{ 'a' and 'b' }} {{ not none }}"),
    ("literals", "{{ [1, 'a', none, true, 2.0] }} {{ {'k': 'v', 'n': [1]} }} {{ (1,) }} {{ (1, 2) }} {{ 1e3 }} {{ 1_000 }}"),
    ("str_repr", "{{ ['it\\'s', \"q\\\"\", 'a\\nb', '\\\\'] }}"),
    ("subscript", "{{ l[0] }}{{ l[-1] }}{{ d['a'] }}{{ d.z }}{{ messages[1].role }}{{ messages[1]['content'] }}{{ s[0] }}{{ s[-1] }}"),
    ("slicing", "{{ l[1:] }} {{ l[:-1] }} {{ l[::-1] }} {{ l[::2] }} {{ s[6:] }} {{ s[::-1] }} {{ 'héllo'[1:3] }} {{ l[5:] }} {{ l[-10:1] }}"),
    ("missing_attr_prints_empty", "[{{ d.nope }}][{{ messages[0].tool_calls }}][{{ l[10] }}]"),
    ("none_attr", "[{{ none.x }}]"),
    ("undefined_print", "[{{ nothing }}]"),
    ("undefined_attr_error", "{{ nothing.attr }}"),
    ("none_iter_error", "{% for x in none %}{% endfor %}"),
    ("unary_minus", "{{ -n }} {{ -f }} {{ +n }} {{ -l|length }}"),
    ("string_concat_plus", "{{ 'a' + 'b' }} {{ l + [4] }}"),
    ("plus_type_error", "{{ 'a' + 1 }}"),
    ("adjacent_strings", "{{ 'a' 'b' \"c\" }}"),
    ("escapes", "{{ 'tab\\there\\u00e9\\x41' }}"),
    ("chained_filters_precedence", "{{ -3|abs }} {{ 'a b'|upper|replace('A', 'x') }} {{ l|length + 1 }} {{ not t is none }}"),
    # tests
    ("tests_types", "{{ s is string }}{{ n is number }}{{ n is integer }}{{ f is float }}{{ d is mapping }}{{ l is iterable }}{{ l is sequence }}{{ s is sequence }}{{ d is sequence }}{{ t is boolean }}{{ none is none }}{{ n is string }}"),
    ("tests_defined", "{{ n is defined }}{{ zz is defined }}{{ zz is undefined }}{{ d.m is none }}{{ d.q is defined }}"),
    ("tests_values", "{{ t is true }}{{ t is false }}{{ n is odd }}{{ n is even }}{{ 9 is divisibleby 3 }}{{ 9 is divisibleby(4) }}{{ n is eq 7 }}{{ n is ne 7 }}{{ n is gt 3 }}{{ n is lt 3 }}{{ n is ge 7 }}{{ n is le 6 }}"),
    ("tests_not", "{{ n is not string }}{{ none is not none }}{{ 2 is in l }}{{ 'X' is upper }}{{ 'x' is lower }}"),
    # filters
    ("f_trim_case", "[{{ '  pad  '|trim }}][{{ 'xxhixx'|trim('x') }}][{{ 'hello world'|title }}][{{ 'hELLO'|capitalize }}][{{ s|upper }}][{{ s|lower }}]"),
    ("f_length", "{{ s|length }} {{ l|count }} {{ d|length }} {{ 'héllo🌍'|length }} {{ undefined_x|length }}"),
    ("f_default", "{{ missing|default('dflt') }} {{ none|default('x') }} {{ ''|default('e', true) }} {{ n|d(0) }} {{ missing|default }}"),
    ("f_join", "{{ l|join(', ') }} {{ words|join }} {{ messages|join('/', attribute='role') }}"),
    ("f_replace", "{{ s|replace('o', '0') }} {{ s|replace('o', '0', 1) }} {{ 'aaa'|replace('', '-') }}"),
    ("f_tojson", "{{ messages|tojson }}"),
    ("f_tojson_indent", "{{ messages[2]|tojson(indent=2) }}"),
    ("f_tojson_options", "{{ d|tojson(sort_keys=true) }} {{ d|tojson(separators=(',', ':')) }} {{ 'é\\n\"'|tojson }} {{ 1.0|tojson }} {{ [none, true, 3]|tojson }}"),
    ("f_items", "{% for k, v in d|items %}{{ k }}{{ v }}{% endfor %} {{ d|items|list }}"),
    ("f_first_last", "{{ l|first }} {{ l|last }} {{ s|first }} {{ empty|first }}"),
    ("f_list", "{{ s|list }} {{ d|list }} {{ l|list }}"),
    ("f_map", "{{ messages|map(attribute='role')|list }} {{ words|map('upper')|join }} {{ messages|map(attribute='missing', default='x')|list }}"),
    ("f_select", "{{ range(10)|select('odd')|list }} {{ range(10)|reject('even')|list }} {{ [0, 1, '', 'a', none]|select|list }} {{ l|select('gt', 1)|list }}"),
    ("f_selectattr", "{{ messages|selectattr('role', 'equalto', 'user')|map(attribute='content')|list }} {{ messages|rejectattr('tool_calls')|map(attribute='role')|join(',') }} {{ messages|selectattr('tool_calls', 'defined')|list|length }}"),
    ("f_select_none", "{{ none|selectattr('x')|list }} {{ none|map(attribute='x')|list }}"),
    ("f_indent", "[{{ 'a\\nb\\n\\nc'|indent }}][{{ 'a\\nb'|indent(2, true) }}][{{ 'a\\n\\nb'|indent(2, blank=true) }}][{{ 'x\\n'|indent(3) }}]"),
    ("f_string_int_float", "{{ n|string + 'x' }} {{ '42'|int + 1 }} {{ '4.7'|int }} {{ 'x'|int }} {{ 'x'|int(5) }} {{ 3.9|int }} {{ '2.5'|float }} {{ n|float }} {{ '0x1A'|int(0, 16) }}"),
    ("f_round_abs", "{{ 2.567|round }} {{ 2.567|round(2) }} {{ 2.5|round }} {{ 2.1|round(0, 'ceil') }} {{ 2.9|round(method='floor') }} {{ -5|abs }} {{ -2.5|abs }} {{ 7|round }}"),
    ("f_unique_sort", "{{ words|unique|list }} {{ words|sort }} {{ words|sort(reverse=true) }} {{ words|sort(case_sensitive=true) }} {{ messages|sort(attribute='role')|map(attribute='role')|list }} {{ l|sort }}"),
    ("f_reverse", "{{ l|reverse|list }} {{ s|reverse }}"),
    ("f_dictsort", "{{ {'b': 1, 'a': 2, 'C': 0}|dictsort }} {{ {'b': 1, 'a': 2}|dictsort(by='value') }} {{ {'b': 1, 'a': 2}|dictsort(reverse=true) }}"),
    ("f_min_max_sum", "{{ l|min }} {{ l|max }} {{ l|sum }} {{ words|min }} {{ [1.5, 2]|sum }}"),
    ("f_misc", "{{ '<a href=\"x\">&\\''|escape }} {{ 'one two  three'|wordcount }} [{{ 'ab'|center(6) }}] {{ d|attr('z') }} {{ range(5)|batch(2)|list }} {{ s|safe }}"),
    ("f_markup_concat", "{{ '<b>'|safe + \"it's <x>\" + '</b>'|safe }} {{ ('a'|safe + 'b')|length }} {{ '<'|e|e }} {{ d|tojson(ensure_ascii=true) }} {{ 'é🌍'|tojson(ensure_ascii=true) }}"),
    ("unicode_case", "{{ 'grüße ÉCOLE ŁÓDŹ αβγ Привет straße'|upper }} {{ 'ÀÉÎ ŻÓŁW ΑΒΓ ПРИВЕТ'|lower }} {{ 'élan vital ünd'|title }} {{ 'éCOLE'|capitalize }} {{ 'x2y-z'.title() }}"),
    ("unknown_filter", "{{ s|frobnicate }}"),
    # methods
    ("m_str", "{{ s.startswith('Hell') }}{{ s.endswith(('x', 'ld')) }}{{ s.split(' ') }}{{ ' a  b '.split() }}{{ 'a,b,c'.split(',', 1) }}{{ 'a,b,c'.rsplit(',', 1) }}"),
    ("m_strip", "[{{ '  x  '.strip() }}][{{ '  x  '.lstrip() }}][{{ '  x  '.rstrip() }}][{{ 'xxaxx'.strip('x') }}][{{ '\\n\\t x \\n'.strip() }}]"),
    ("m_str2", "{{ s.upper() }} {{ s.lower() }} {{ s.title() }} {{ s.replace('l', 'L') }} {{ s.find('o') }} {{ s.rfind('o') }} {{ s.find('z') }} {{ s.count('l') }} {{ '-'.join(words) }}"),
    ("m_format", "{{ '{}-{}'.format(1, 'a') }} {{ '{0}{0}{1}'.format('x', 'y') }} {{ '{name}!'.format(name='n') }} {{ '{{}}{}'.format(3) }}"),
    ("m_str3", "{{ 'abc'.capitalize() }} {{ '12'.isdigit() }} {{ 'ab'.isalpha() }} {{ ' '.isspace() }} {{ 'a\\nb'.splitlines() }} {{ 'a:b:c'.partition(':') }} {{ 'pre_x'.removeprefix('pre_') }}"),
    ("m_dict", "{{ d.get('a') }} {{ d.get('q') }} {{ d.get('q', 9) }} {{ d.keys()|list }} {{ d.values()|list }} {{ d.items()|list }}"),
    ("m_list_mutation_sandboxed", "{% set x = [1] %}{{ x.append(2) }}{{ x }}"),
    ("m_dict_key_vs_method", "{% set m = {'items': 'I', 'keys': 'K'} %}{{ m['items'] }} {{ m.items()|list }}"),
    # globals
    ("range_fn", "{{ range(3)|list }} {{ range(1, 4)|list }} {{ range(10, 0, -3)|list }}"),
    ("dict_fn", "{{ dict(a=1, b=2) }} {{ dict(a=1).a }}"),
    ("strftime", "{{ strftime_now('%Y-%m-%d %H:%M %A %d %B %b %y') }}"),
    ("raise", "{{ raise_exception('Custom message: ' ~ n) }}"),
    ("joiner_cycler", "{% set j = joiner(', ') %}{% for x in l %}{{ j() }}{{ x }}{% endfor %}"),
    # printing values
    ("print_values", "{{ none }} {{ t }} {{ false }} {{ 1.0 }} {{ 0.1 + 0.2 }} {{ 1e20 }} {{ 10 / 4 }} {{ d }} {{ [d] }} {{ 1e-7 }}"),
    ("print_unicode_repr", "{{ ['é', '🌍', 'a\\tb'] }}"),
    ("percent_format", "{{ '%s is %d%%' % ('x', 5) }} {{ 'v=%r' % 'q' }} {{ '%s' % l }}"),
    ("with_block", "{% with a = 1, b = n %}{{ a }}{{ b }}{% endwith %}[{{ a }}]"),
]


def main(path):
    cases = []
    for name, source in CASES:
        case = {"name": name, "template": source}
        try:
            case["expected"] = env.from_string(source).render(**CTX)
        except Exception as e:  # noqa: BLE001 - record any failure as expected
            case["error"] = str(e)
            case["error_kind"] = "raise" if name == "raise" else "jinja"
        cases.append(case)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"context": CTX, "now": "2026-11-28T12:00:00", "cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "jinja_feature_cases.json")
