"""The template environment: `{{ x }}` writes what markupsafe's escape would, without building
a Markup object for each value (render._escape)."""
import markupsafe
import pytest
from jinja2 import DictLoader

from generator.render import _escape, environment


class Html:
    def __html__(self):
        return "<em>safe</em>"


class Text(str):
    pass


@pytest.mark.parametrize("value", ["plain", "<b>&\"'</b>", "", 42, -7, 3.5, -1e-300, float("nan"), True, None, Text("<s>"),
                                   markupsafe.Markup("<i>kept</i>"), Html(), ["<x>"]])
def test_escape_writes_what_markupsafe_writes(value):
    assert _escape(value) == str(markupsafe.escape(value))


def test_templates_escape_once_through_macros_set_blocks_and_filters():
    env = environment()
    env.loader = DictLoader({"t.html": (
        "{% macro cell(v) %}<td>{{ v }}</td>{% endmacro %}"
        "{% set row %}{{ cell(x) }}{{ x }}{% endset %}"
        "{{ row }}|{{ x|e }}|{{ [x, y]|join(', ') }}|{{ x ~ y }}|{{ y }}|{{ safe }}")})
    template = env.get_template("t.html")
    assert template.root_render_func.__globals__["escape"] is _escape     # the fast path is in use
    out = template.render(x="<a&b>", y=7, safe=markupsafe.Markup("<br>"))
    assert out == ("<td>&lt;a&amp;b&gt;</td>&lt;a&amp;b&gt;|&lt;a&amp;b&gt;|&lt;a&amp;b&gt;, 7|"
                   "&lt;a&amp;b&gt;7|7|<br>")


@pytest.mark.parametrize("pages", [3, 40])     # below and above render.PARALLEL_FROM
def test_render_all_runs_meanwhile_once_beside_the_pages(pages):
    from generator.render import render_all

    calls = []
    jobs = [(f"p{n}.html", lambda n=n: f"page {n}".encode()) for n in range(pages)]
    out, digests, extra = render_all(jobs, meanwhile=lambda: calls.append(1) or "tables")
    assert extra == "tables" and calls == [1]
    assert out == {f"p{n}.html": f"page {n}".encode() for n in range(pages)} and digests == {}
