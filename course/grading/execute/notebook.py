"""Run one sanitized notebook in a limited kernel, surviving whatever the code does.

:class:`LimitedExecute` is nbgrader's own ``Execute`` preprocessor (same
configuration, same per-cell timeout, interrupt and error handling, so the
same grades) with what grading needs on top:

* the kernel starts through :class:`~course.grading.execute.kernel.LimitedKernelManager`
  (sandbox, limits) and is stopped at once when done;
* a time limit for the whole notebook;
* a kernel that dies (``os._exit``, a segfault, the memory limit) or ignores
  interrupts does not fail the notebook: the cells not run get an error
  output, so they score 0, and the cells already run keep their results;
* output beyond a limit per cell is dropped (keeping errors and results);
* :meth:`LimitedExecute.ask` evaluates an expression in the kernel between
  cells and returns its text, which is how :mod:`course.grading.execute.judge` reads
  a trainee's answers and puts them into the clean kernel; subclasses choose
  which cells run (:meth:`LimitedExecute.wanted`) and what happens before
  each (:meth:`LimitedExecute.before_cell`).
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import json
from queue import Empty
from time import monotonic
from typing import Any

import zmq
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async, run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute

from course.grading.execute.kernel import KernelLaunch, LimitedKernelManager
from course.grading.records import Reason

__all__ = ["AskError", "GraderFailure", "LimitedExecute", "copy_expression"]

TRUNCATED = "\n... output truncated by the grader ...\n"
_MAX_MESSAGE = 64 * 1024 * 1024
_AFTER_INTERRUPT = 3  # seconds an interrupted cell gets to stop before its kernel is stopped


class GraderFailure(RuntimeError):
    """The grader itself failed (not the trainee's code); retry later."""


class AskError(RuntimeError):
    """The kernel did not answer an expression the grader evaluated between cells."""


def copy_expression(copies: list[list[str]]) -> str:
    """Return the expression that copies ``[source, target]`` folders inside a new kernel.

    The sandbox binds the prepared files read-only; the kernel works on a copy
    in its private, size-limited working folder.

    Examples
    --------
    >>> copy_expression([["/grading/in", "/grading/work"]]).startswith("[__import__('shutil')")
    True
    >>> eval(copy_expression([]))
    'ok'
    """
    pairs = json.dumps(copies)
    return (f"[__import__('shutil').copytree(s, t, dirs_exist_ok=True) for s, t in {pairs} "
            "if __import__('os').path.isdir(s)] and 'ok' or 'ok'")


def _size(output: dict[str, Any]) -> int:
    if output.get("output_type") == "stream":
        return len(output.get("text", ""))
    return sum(len(str(v)) for v in output.get("data", {}).values())


class LimitedExecute(Execute):
    """nbgrader's ``Execute`` with limits and crash survival, in one kernel.

    Examples
    --------
    >>> executor = LimitedExecute(launch=launch, notebook="ex1", config=config)  # doctest: +SKIP
    >>> nb, resources = executor(nb, resources)  # doctest: +SKIP
    """

    def __init__(self, *, launch: KernelLaunch, notebook: str, copies: list[list[str]] | None = None,
                 hidden_words: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.launch = launch
        self.copies = copies or []
        self.hidden_words = hidden_words
        self.notebook_name = notebook
        self.reasons: list[Reason] = []
        self.stopped: tuple[str, str] | None = None
        self.shutdown_kernel = "immediate"
        self.iopub_timeout: int = max(int(self.iopub_timeout), 10)
        if launch.limits.cell_timeout is not None:
            self.timeout = launch.limits.cell_timeout
        self._cell_budget = 0
        self._truncated = False

    # ------------------------------------------------------------------ what subclasses choose
    def wanted(self, index: int, cell: NotebookNode) -> bool:
        """Whether cell ``index`` runs in this kernel (every code cell here)."""
        return True

    async def before_cell(self, index: int, cell: NotebookNode) -> None:
        """Called just before cell ``index`` runs (nothing here)."""

    # ------------------------------------------------------------------ kernel
    def create_kernel_manager(self) -> LimitedKernelManager:
        """Create the limited, sandboxed kernel manager for this notebook."""
        if not self.kernel_name:
            self.kernel_name: str = self.nb.metadata.get("kernelspec", {}).get("name") or "python3"
        self.km = LimitedKernelManager(launch=self.launch, kernel_name=self.kernel_name, config=self.config)
        return self.km

    async def async_start_new_kernel_client(self) -> Any:
        """Connect to the new kernel; ready as soon as it answers on both channels.

        jupyter_client's ``wait_for_ready`` also waits for 0.2 s of silence on
        IOPub, which is a fifth of a kernel's start-up here.
        """
        assert self.km is not None
        # a message over this size (one giant print) is dropped by ZeroMQ instead of filling the worker
        self.km.context.setsockopt(zmq.MAXMSGSIZE, _MAX_MESSAGE)
        self.kc = self.km.client()
        self.kc.start_channels()
        deadline = monotonic() + self.startup_timeout
        requests: set[str] = set()
        while True:
            if monotonic() > deadline:
                await self._give_up(f"the kernel did not start within {self.startup_timeout} s")
            requests.add(self.kc.kernel_info())
            try:
                reply = await ensure_async(self.kc.shell_channel.get_msg(timeout=0.5))
            except Empty:
                if not await ensure_async(self.km.is_alive()):
                    await self._give_up("the kernel died before it was ready")
                continue
            if reply["parent_header"].get("msg_id") not in requests:
                continue
            try:  # IOPub is subscribed once status messages arrive
                await ensure_async(self.kc.iopub_channel.get_msg(timeout=1))
            except Empty:
                continue
            break
        self.kc.allow_stdin = False
        return self.kc

    async def _give_up(self, why: str) -> None:
        atexit.unregister(self._cleanup_kernel)
        await self._async_cleanup_kernel()
        raise GraderFailure(why)

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> tuple[NotebookNode, Any]:
        """Execute the wanted code cells of ``nb`` (in place) and return it with ``resources``."""
        from nbclient import NotebookClient

        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        run_sync(self._run_all)()
        self.set_widgets_metadata()
        return self.nb, self.resources

    async def _run_all(self) -> None:
        deadline = monotonic() + self.launch.limits.notebook_timeout
        try:
            async with self.async_setup_kernel():
                assert self.kc is not None
                info = await self.async_wait_for_reply(await ensure_async(self.kc.kernel_info()))
                if info is None or "language_info" not in info["content"]:
                    raise GraderFailure("the kernel did not describe itself")
                self.nb.metadata["language_info"] = info["content"]["language_info"]
                if self.copies:
                    try:
                        await self.ask(copy_expression(self.copies))
                    except (AskError, DeadKernelError) as error:
                        raise GraderFailure(f"the grader could not prepare the kernel: {error}") from error
                for index, cell in enumerate(self.nb.cells):
                    if cell.cell_type == "code" and cell.source.strip() and self.wanted(index, cell):
                        await self._run_cell(cell, index, deadline)
        except RuntimeError as error:
            if isinstance(error, GraderFailure) or "Kernel died before replying" in str(error):
                raise GraderFailure(str(error)) from error
            raise

    async def _run_cell(self, cell: NotebookNode, index: int, deadline: float) -> None:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if self.stopped is None and monotonic() >= deadline:
            limit = self.launch.limits.notebook_timeout
            self.stopped = ("NotebookTimeout", f"the notebook ran longer than {limit} s in all; "
                            "this cell and the ones after it were not run")
            self._reason("notebook_timeout", f"stopped after {limit} s", grade_id)
            await self._kill()
        if self.stopped is not None:
            self._mark(cell, *self.stopped)
            return
        configured = int(self.timeout) if self.timeout else self.launch.limits.notebook_timeout
        saved_timeout, saved_iopub = self.timeout, self.iopub_timeout
        self.timeout = max(1, int(min(configured, deadline - monotonic()) + 0.999))
        self._cell_budget = self.launch.limits.max_output_kb * 1024
        try:
            await self.before_cell(index, cell)
            await self.async_execute_cell(cell, index, store_history=True)
        except DeadKernelError:
            self._died(cell, grade_id)
        except CellTimeoutError:
            self.stopped = ("CellTimeoutError", "the cell did not stop when interrupted after "
                            f"{self.timeout} s; the kernel was stopped and later cells were not run")
            self._reason("timeout", "did not stop when interrupted; kernel stopped", grade_id)
            await self._kill()
            self._mark(cell, *self.stopped)
        finally:
            self.timeout, self.iopub_timeout = saved_timeout, saved_iopub
        self._notice(cell, grade_id)

    async def ask(self, expression: str, timeout: float = 30, *, limit: int | None = None) -> str:
        """Evaluate ``expression`` in the kernel (an empty, silent request) and return its text.

        The answer is the ``str`` the expression evaluates to; ``limit``
        (characters) refuses longer answers before they are parsed.

        Raises
        ------
        AskError
            When the kernel does not answer in ``timeout`` seconds, answers
            with an error, or answers something that is not a text.
        """
        assert self.kc is not None
        msg_id = self.kc.execute("", silent=True, store_history=False, stop_on_error=False,
                                 user_expressions={"g": expression})
        deadline = monotonic() + timeout
        while True:
            remaining = deadline - monotonic()
            if remaining <= 0:
                raise AskError("the kernel did not answer")
            try:
                msg = await ensure_async(self.kc.shell_channel.get_msg(timeout=min(1.0, remaining)))
            except Empty:
                await self._async_check_alive()
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            content = msg["content"]
            value = content.get("user_expressions", {}).get("g", {}) if isinstance(content, dict) else {}
            if not isinstance(value, dict) or content.get("status") != "ok" or value.get("status") != "ok":
                failed = value if isinstance(value, dict) and value.get("status") == "error" else content
                raise AskError(f"{failed.get('ename', 'error')}: {failed.get('evalue', '')}"[:300])
            data = value.get("data", {})
            text = data.get("text/plain", "") if isinstance(data, dict) else ""
            if not isinstance(text, str) or (limit is not None and len(text) > 4 * limit + 16):
                raise AskError("the kernel's answer is too long")
            try:
                result = ast.literal_eval(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError) as error:
                raise AskError("unexpected answer from the kernel") from error
            if not isinstance(result, str):
                raise AskError("unexpected answer from the kernel")
            return result

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None) -> dict[str, Any] | None:
        # after an interrupt an obedient kernel answers at once: do not wait long for it
        reply: dict[str, Any] | None = await super()._async_handle_timeout(timeout, cell)
        self.iopub_timeout = _AFTER_INTERRUPT
        return reply

    async def _kill(self) -> None:
        if self.km is None:
            return
        with contextlib.suppress(RuntimeError):
            await ensure_async(self.km.shutdown_kernel(now=True))

    # ------------------------------------------------------------------ bookkeeping
    def _reason(self, code: str, detail: str, cell: str = "") -> None:
        self.reasons.append(Reason(code, detail, self.notebook_name, cell))

    def _mark(self, cell: NotebookNode, ename: str, evalue: str) -> None:
        cell.setdefault("outputs", []).append(NotebookNode(
            output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]))

    def _died(self, cell: NotebookNode, grade_id: str) -> None:
        code = self.km.exit_code() if isinstance(self.km, LimitedKernelManager) else None
        how = {139: "segmentation fault", 137: "killed (memory limit?)", -11: "segmentation fault",
               -9: "killed (memory limit?)", 134: "aborted"}.get(code if code is not None else 0, "")
        detail = f"the kernel died while running this cell (exit code {code}{', ' + how if how else ''})"
        self.stopped = ("KernelDied", detail + "; later cells were not run")
        self._reason("kernel_died", f"exit code {code}{' ' + how if how else ''}", grade_id)
        self._mark(cell, *self.stopped)

    def _notice(self, cell: NotebookNode, grade_id: str) -> None:
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            ename, evalue = str(output.get("ename", "")), str(output.get("evalue", ""))
            if ename == "CellTimeoutError" and self.stopped is None:
                self._reason("timeout", f"interrupted after {self.timeout} s", grade_id)
            elif ename == "MemoryError":
                self._reason("memory", "MemoryError", grade_id)
            elif ename == "SystemExit":
                self._reason("exit", f"SystemExit {evalue}".strip(), grade_id)
            elif ename == "BlockingIOError" or "Resource temporarily unavailable" in evalue:
                self._reason("process_limit", f"{ename}: {evalue}"[:200], grade_id)
            elif ename in ("FileNotFoundError", "PermissionError") and any(
                    word in evalue for word in self.hidden_words):
                self._reason("hidden_file", f"{ename}: {evalue}"[:200], grade_id)

    # ------------------------------------------------------------------ output limit
    def output(self, outs: list[NotebookNode], msg: dict[str, Any], display_id: str | None,
               cell_index: int) -> NotebookNode | None:
        """Keep outputs within the per-cell budget; never drop errors or results."""
        kind = msg["msg_type"]
        if kind in ("stream", "display_data", "update_display_data") and self._cell_budget <= 0:
            name = msg["content"].get("name")
            if kind == "stream" and not any(o.get("name") == name for o in outs if o.get("output_type") == "stream"):
                msg = {**msg, "content": {"name": name, "text": TRUNCATED}}
            else:
                self._note_truncated()
                return None
        out: NotebookNode | None = super().output(outs, msg, display_id, cell_index)
        if out is not None:
            size = _size(out)
            if size > self._cell_budget and out.get("output_type") in ("stream", "execute_result", "display_data"):
                keep = max(self._cell_budget, 2000)
                if out.get("output_type") == "stream":
                    out["text"] = out["text"][:keep] + TRUNCATED
                else:
                    out["data"] = {k: (v[:keep] + TRUNCATED if isinstance(v, str) else v)
                                   for k, v in out["data"].items() if k == "text/plain"}
                self._note_truncated()
            self._cell_budget -= size
        return out

    def _note_truncated(self) -> None:
        if not self._truncated:
            self._truncated = True
            self._reason("output_truncated", f"more than {self.launch.limits.max_output_kb} kB in a cell")
