"""Execute lesson notebooks and keep only the outputs CI compares.

A cell whose output is part of the lesson's checked numbers starts with the
comment ``# NBVAL_CHECK_OUTPUT``; every other cell is stored without outputs,
and no notebook stores widget state. Run with ``make notebooks``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"

__all__ = ["CHECK_MARK", "clean", "is_checked", "refresh"]


def is_checked(cell: nbformat.NotebookNode) -> bool:
    """True for a code cell whose output CI compares.

    Examples
    --------
    >>> is_checked(nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\\n1 + 1"))
    True
    """
    return bool(cell.cell_type == "code" and cell.source.lstrip().startswith(CHECK_MARK))


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop outputs of unchecked cells, execution counts and widget state (in place).

    Examples
    --------
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "1"})]
    >>> len(clean(nb).cells[0].outputs)
    0
    """
    nb.metadata.pop("widgets", None)
    checked = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        if not is_checked(cell):
            cell.outputs = []
        else:
            # nbval refuses a reference cell with outputs but no count ("Unrun reference
            # cell has outputs"): number the checked cells 1, 2, ... so the store is stable
            checked += 1
            cell.execution_count = checked
            cell.outputs = _merge_streams(cell.outputs)
            for output in cell.outputs:
                if "execution_count" in output:
                    output.execution_count = checked
                # widget views are state, not checked output
                output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    return nb


def _merge_streams(outputs: list[nbformat.NotebookNode]) -> list[nbformat.NotebookNode]:
    """Join consecutive pieces of the same stream, however the kernel happened to split them.

    Examples
    --------
    >>> parts = [nbformat.v4.new_output("stream", name="stdout", text=t) for t in ("a\\n", "b\\n")]
    >>> [o.text for o in _merge_streams(parts)]
    ['a\\nb\\n']
    """
    merged: list[nbformat.NotebookNode] = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.output_type == "stream" and previous is not None
                and previous.output_type == "stream" and previous.name == output.name):
            previous.text = "".join(previous.text) + "".join(output.text)
        else:
            merged.append(output)
    return merged


def refresh(path: Path, timeout: int = 300) -> None:
    """Execute the notebook at ``path`` in its folder and store it cleaned."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, resources={"metadata": {"path": str(path.parent)}}).execute()
    nbformat.write(clean(nb), path)


def main(argv: list[str]) -> int:
    """Refresh each notebook named in ``argv``."""
    for name in argv:
        print(f"executing {name}")
        refresh(Path(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
