"""The training material's prescribing status scale (处方现状评分), −4 to +4.

Physician scoring (医师评分) rates every physician *for every product* on two
axes, the "dual scoring system" (复式评分系统): prescribing status (处方现状)
and prescribing potential (处方潜力). The status scale is the training material's:

* before listing (进药前): −4 opposed (反对), −3 indifferent (淡漠),
  −2 trial / consultation (试用/咨商), −1 listing application filed (填写进药申请);
* after listing (进药后): 0 no prescribing (不处方), 1 a little (少量处方),
  2 medium (中等量处方: as much as the average of the area's products),
  3 common (常用: one of the usual products of the area), 4 first choice (首选).
"""

from __future__ import annotations

from dataclasses import dataclass

from course.i18n import Text
from course.inputs import check_int

__all__ = [
    "STATUS_SCALE",
    "STATUS_TO_STAGE",
    "StatusLevel",
    "status_level",
    "status_options",
]


@dataclass(frozen=True)
class StatusLevel:
    """One point of the prescribing status scale."""

    value: int
    """−4 … +4."""
    name: Text
    """The label (the training material's Chinese one), e.g. "opposed" (反对)."""
    listed: bool
    """True after the product is listed in the hospital (进药后)."""
    note: Text | None = None
    """The training material's explanation (2 and 3 only)."""

    @property
    def option(self) -> Text:
        """The label with its signed value, as a dropdown shows it: ``'−2 试用/咨商'``.

        Examples
        --------
        >>> STATUS_SCALE[2].option.zh, STATUS_SCALE[8].option.en
        ('−2 试用/咨商', '+4 first choice')
        """
        sign = "−" if self.value < 0 else ("+" if self.value > 0 else "")
        return Text(f"{sign}{abs(self.value)} {self.name.en}", f"{sign}{abs(self.value)} {self.name.zh}")


STATUS_SCALE: tuple[StatusLevel, ...] = (
    StatusLevel(-4, Text("opposed", "反对"), False),
    StatusLevel(-3, Text("indifferent", "淡漠"), False),
    StatusLevel(-2, Text("trial/consultation", "试用/咨商"), False),
    StatusLevel(-1, Text("listing application filed", "填写进药申请"), False),
    StatusLevel(0, Text("no prescribing", "不处方"), True),
    StatusLevel(1, Text("a little", "少量处方"), True),
    StatusLevel(2, Text("medium", "中等量处方"),
                True,
                Text("as much as the average of the area's several products", "同一治疗领域多种产品平均使用")),
    StatusLevel(3, Text("common", "常用"),
                True,
                Text("one of the usual products of the area", "同一治疗领域常用产品之一")),
    StatusLevel(4, Text("first choice", "首选"), True),
)
"""The nine points of the scale, −4 first."""

STATUS_TO_STAGE: dict[int, int] = {-4: 1, -3: 1, -2: 2, -1: 2, 0: 1, 1: 2, 2: 3, 3: 3, 4: 4}
"""Adoption-ladder stage assumed from a status when no stage was recorded.

Anyone with a status has heard of the product, so at least stage 1 (aware);
trying it before or after listing (−2, −1, 1) is stage 2 (trial); medium or
common use (2, 3) is stage 3 (usage); first choice (4) is stage 4.
"""


def status_level(value: int) -> StatusLevel:
    """Return the scale point of status ``value``.

    Examples
    --------
    >>> status_level(-1).name.zh
    '填写进药申请'
    >>> status_level(5)
    Traceback (most recent call last):
    ...
    course.errors.CourseInputError: status: got 5; allowed: a whole number from -4 to 4
    """
    return STATUS_SCALE[check_int("status", value, low=-4, high=4) + 4]


def status_options() -> list[tuple[str, int]]:
    """Dropdown options ``(label, value)`` for the nine statuses, in the language in force.

    Examples
    --------
    >>> from course.i18n import set_language
    >>> set_language("en"); status_options()[4]
    ('0 no prescribing', 0)
    """
    return [(str(level.option), level.value) for level in STATUS_SCALE]
