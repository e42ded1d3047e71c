"""Typed errors of the quote engine.

Each error carries where and what: the editor needs the file and the field of
a bad catalogue value, the browser needs the parameter of a bad quote link.
"""

from __future__ import annotations

__all__ = ["CatalogueError", "ProfileError", "QuoteLinkError"]


class CatalogueError(ValueError):
    """An invalid price-list value, with the place it was found.

    Attributes:
        reason: What is wrong and what to do, in Bulgarian (editors read it).
        field: Dotted path of the value, e.g. ``plan.reaction.guarantee_hours``.
        plan: Id of the plan the value belongs to, if known.
        file: The file the value came from (set by the loader), if any.
    """

    def __init__(
        self,
        reason: str,
        *,
        field: str | None = None,
        plan: str | None = None,
        file: str | None = None,
    ) -> None:
        self.reason = reason
        self.field = field
        self.plan = plan
        self.file = file
        super().__init__(str(self))

    def __str__(self) -> str:
        # One line, most specific place first, so a build log reads
        # "docs/plans/osnoven.md: plan.reaction.guarantee_hours (план „osnoven“): ...".
        where = []
        if self.file:
            where.append(self.file)
        if self.field:
            where.append(self.field + (f" (план „{self.plan}“)" if self.plan else ""))
        elif self.plan:
            where.append(f"план „{self.plan}“")
        text = ": ".join([*where, self.reason])
        return " ".join(text.split())

    def located(self, file: str) -> CatalogueError:
        """Return a copy of this error attributed to ``file``."""
        return CatalogueError(self.reason, field=self.field, plan=self.plan, file=file)


class ProfileError(ValueError):
    """An invalid prospect profile value.

    Attributes:
        field: The profile field, e.g. ``workstations``.
        reason: What is wrong, in Bulgarian (the text reaches the visitor).
    """

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field}: {reason}")


class QuoteLinkError(ValueError):
    """A quote link that cannot be read completely.

    Attributes:
        param: The link parameter at fault (``""`` when the link as a whole is
            bad, e.g. too long).
        reason: What is wrong, in Bulgarian (the text reaches the visitor).
    """

    def __init__(self, param: str, reason: str) -> None:
        self.param = param
        self.reason = reason
        super().__init__(f"{param}: {reason}" if param else reason)
