"""nbgrader's release in the assignment's language: a Chinese assignment (``exN_x_zh``) gets
Chinese stubs where the model answers were.

nbgrader puts one code stub and one text stub (``ClearSolutions.code_stub`` / ``text_stub``
in ``nbgrader_config.py``) in every released notebook. :class:`ClearSolutionsByLanguage`
uses :attr:`~ClearSolutionsByLanguage.code_stub_zh` and
:attr:`~ClearSolutionsByLanguage.text_stub_zh` instead for an assignment of the Chinese
edition; :func:`generate_assignment_preprocessors` is nbgrader's own list with it in place of
``ClearSolutions``.

Examples
--------
>>> import nbformat
>>> from course.dev import nbgrader_cells as nc
>>> nb = nc.example_exercise()
>>> clear = ClearSolutionsByLanguage()
>>> zh, _ = clear.preprocess(nbformat.from_dict(nb), {"nbgrader": {"assignment": "ex1_a_zh"}})
>>> en, _ = clear.preprocess(nbformat.from_dict(nb), {"nbgrader": {"assignment": "ex1_a"}})
>>> zh.cells[-1].source, en.cells[-1].source
('请在此处写下你的答案', 'YOUR ANSWER HERE')
"""

from __future__ import annotations

from typing import Any

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions
from traitlets import Dict, Unicode

__all__ = ["ClearSolutionsByLanguage", "generate_assignment_preprocessors"]

SUFFIX = "_zh"


class ClearSolutionsByLanguage(ClearSolutions):
    """``ClearSolutions`` with Chinese stubs in the Chinese edition's assignments."""

    code_stub_zh = Dict(
        {"python": "# ↑ 把上面的每个 ... 换成你的答案"},
        help="The code stub of a Chinese assignment, by kernel language.",
    ).tag(config=True)
    text_stub_zh = Unicode(
        "请在此处写下你的答案", help="The text stub of a Chinese assignment."
    ).tag(config=True)

    def preprocess(self, nb: Any, resources: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        """Clear the solutions with the stubs of the assignment's language."""
        assignment = str(resources.get("nbgrader", {}).get("assignment", ""))
        if not assignment.endswith(SUFFIX):
            return super().preprocess(nb, resources)  # type: ignore[no-any-return]
        saved = {name: getattr(self, name) for name in ("code_stub", "text_stub")}
        try:
            self.set_trait("code_stub", self.code_stub_zh)
            self.set_trait("text_stub", self.text_stub_zh)
            return super().preprocess(nb, resources)  # type: ignore[no-any-return]
        finally:
            for name, value in saved.items():
                self.set_trait(name, value)


def generate_assignment_preprocessors() -> list[type]:
    """nbgrader's ``GenerateAssignment.preprocessors``, with :class:`ClearSolutionsByLanguage`.

    Examples
    --------
    >>> names = [p.__name__ for p in generate_assignment_preprocessors()]
    >>> "ClearSolutionsByLanguage" in names, "ClearSolutions" in names
    (True, False)
    """
    default: list[type] = GenerateAssignment.class_traits()["preprocessors"].default()
    return [ClearSolutionsByLanguage if p is ClearSolutions else p for p in default]
