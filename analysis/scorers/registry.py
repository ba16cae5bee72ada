"""The registry of named scorers: `@register` adds a Scorer class under its name; `tenor score
--scorers` and every stage after it find scorers here, never by importing one."""
from __future__ import annotations

from analysis.errors import TenorError

_REGISTRY: dict = {}
# the scorers that ship with Tenor, imported on first use so that they register themselves
BUILTIN = ("analysis.scorers.lexicon.scorer", "analysis.scorers.transformer.scorer")


def register(cls):
    """Class decorator: register a Scorer subclass under its `name`."""
    if not getattr(cls, "name", ""):
        raise ValueError(f"{cls.__name__} has no name to register under")
    _REGISTRY[cls.name] = cls
    return cls


def _load_builtin() -> None:
    import importlib
    for module in BUILTIN:
        importlib.import_module(module)


def available() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def scorer_class(name: str):
    require([name])
    return _REGISTRY[name]


def options() -> dict:
    """{option: (help, [scorer names that take it])} over every registered scorer."""
    out: dict = {}
    for name in available():
        for opt, help_ in _REGISTRY[name].options.items():
            out.setdefault(opt, (help_, []))[1].append(name)
    return out


def require(names) -> None:
    """E401 (a TenorError) naming every scorer that is not registered."""
    unknown = [n for n in names if n not in available()]
    if unknown:
        raise TenorError("E401", "--scorers", detail=f"{', '.join(unknown)}; available: "
                         f"{', '.join(available()) or '(none yet)'}")


def get(name: str, **params):
    """The named scorer, ready to score (its shipped state), configured by params."""
    return scorer_class(name).ready(**params)


def build(names=None, params: dict | None = None, strict=False) -> tuple[dict, list]:
    """The named scorers (default: every registered one), built once: ({name: scorer}, warnings).
    A scorer that cannot be built (no model, no head) raises when strict (True, or a collection
    holding its name: a scorer the user configured, --model), else is left out with a warning."""
    if names is not None:
        require(names)      # an unknown name stops the run, strict or not
    built, warnings = {}, []
    for name in (available() if names is None else names):
        try:
            built[name] = get(name, **{k: v for k, v in (params or {}).get(name, {}).items() if v is not None})
        except (TenorError, ImportError) as e:
            if strict is True or (not isinstance(strict, bool) and name in strict):
                raise
            warnings.append(f"W401 scorer {name} is unavailable and was left out: "
                            f"{e.problem if isinstance(e, TenorError) else e}")
    return built, warnings


def apply(df, names=None, params: dict | None = None, strict: bool = False, built: dict | None = None):
    """Add each named scorer's columns (default: every registered scorer) to the statements
    (scorers already built may be given). Returns (DataFrame, list of warning strings)."""
    warnings: list = []
    if built is None:
        built, warnings = build(names, params, strict)
    for scorer in built.values():
        scores = scorer.score_frame(df)
        # an input that already has these columns (Tenor's own output scored again) keeps them as
        # input_<name>, as a table's columns named like output columns do
        taken = set(df.columns)
        renames = {}
        for c in scores.columns.intersection(df.columns):
            new = f"input_{c}"
            while new in taken:
                new = f"input_{new}"
            taken.add(new)
            renames[c] = new
        df = df.rename(columns=renames).join(scores)
    return df, warnings


def params_from(values: dict) -> dict:
    """Per-scorer parameters from option values ({"model": "x", "head": None, "registry": path}):
    each registered scorer gets the options it declares, and a speaker registry given with
    --registry reaches every scorer that reads names (a `registry` parameter)."""
    out = {}
    for name in available():
        cls = _REGISTRY[name]
        params = {opt: values.get(opt) for opt in cls.options}
        if values.get("registry") and "registry" in cls().get_params():
            params["registry"] = values["registry"]
        if params:
            out[name] = params
    return out


def configured(values: dict) -> list:
    """The scorers the user configured with one of their options: their failure to load stops a run."""
    return [name for name in available() if any(values.get(opt) for opt in _REGISTRY[name].options)]
