"""Progress bars, made in one place. `tqdm.auto` draws one widget bar in a notebook (ipywidgets, which
the set-up installs) and a text bar on stderr in a terminal; plain `tqdm` in a notebook printed a line
of text per update. A bar for work inside another bar's (the encoder's, inside a corpus chunk) draws
nothing, so that a run shows one bar."""
from __future__ import annotations

import contextvars
import sys
from contextlib import contextmanager

_INSIDE = contextvars.ContextVar("tenor_inside_a_bar", default=False)


def bar(total: int, unit: str, desc: str, show: bool = True, **options):
    """A tqdm.auto bar over `total` units; it draws nothing when `show` is false or inside `inner()`."""
    from tqdm.auto import tqdm
    return tqdm(total=total, unit=unit, desc=desc, disable=not show or _INSIDE.get(), file=sys.stderr,
                **options)


@contextmanager
def inner():
    """Work that an outer bar already counts: bars made inside this block draw nothing."""
    token = _INSIDE.set(True)
    try:
        yield
    finally:
        _INSIDE.reset(token)
