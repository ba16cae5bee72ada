"""Low-rank adapters (LoRA, Hu et al. 2021) for the encoder's attention projections.

Fine-tuning all of an encoder's weights would mean shipping hundreds of megabytes; LoRA trains, for
each chosen linear layer W, two small matrices A (r x in) and B (out x r) and uses
W x + (alpha / r) * B A x. After training the product is merged into W, so inference costs
nothing extra, and only A and B (about a megabyte) are saved, as safetensors (no pickle).
"""
from __future__ import annotations

import re

import torch
from torch import nn

TARGETS = re.compile(r"(^|\.)(query|value|q_proj|v_proj|q_lin|v_lin)$")


class LoRALinear(nn.Module):
    def __init__(self, base: nn.Linear, r: int = 8, alpha: float = 16.0, dropout: float = 0.1,
                 seed: int = 0):
        super().__init__()
        self.base = base
        self.r, self.scale = r, alpha / r
        g = torch.Generator().manual_seed(seed)
        self.A = nn.Parameter(torch.randn(r, base.in_features, generator=g) / base.in_features ** 0.5)
        self.B = nn.Parameter(torch.zeros(base.out_features, r))
        self.drop = nn.Dropout(dropout)

    def forward(self, x):
        return self.base(x) + (self.drop(x) @ self.A.T @ self.B.T) * self.scale


def inject(model: nn.Module, r: int = 8, alpha: float = 16.0, dropout: float = 0.1) -> list[str]:
    """Wrap the attention query/value projections with adapters; freeze everything else.
    Returns the names of the wrapped modules, in a stable order."""
    for p in model.parameters():
        p.requires_grad_(False)
    names = [n for n, m in model.named_modules() if isinstance(m, nn.Linear) and TARGETS.search(n)]
    for k, name in enumerate(sorted(names)):
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, LoRALinear(getattr(parent, child), r, alpha, dropout, seed=k))
    return sorted(names)


def adapter_state(model: nn.Module) -> dict[str, torch.Tensor]:
    """The adapters' A and B matrices (and their scale), keyed by module name."""
    out = {}
    for name, m in model.named_modules():
        if isinstance(m, LoRALinear):
            out[f"{name}.lora_A"] = m.A.detach().contiguous().clone()
            out[f"{name}.lora_B"] = m.B.detach().contiguous().clone()
            out[f"{name}.lora_scale"] = torch.tensor([m.scale])
    return out


def merge(model: nn.Module, state: dict[str, torch.Tensor]) -> int:
    """Add the saved adapters into a plain model's weights: W += scale * B A. Returns how many
    layers were changed; raises KeyError when the state names a layer the model lacks."""
    names = sorted({k.rsplit(".lora_", 1)[0] for k in state})
    with torch.no_grad():
        for name in names:
            lin = model.get_submodule(name)
            if not isinstance(lin, nn.Linear):
                raise KeyError(f"{name} is not a linear layer of this model")
            A, B = state[f"{name}.lora_A"], state[f"{name}.lora_B"]
            scale = float(state[f"{name}.lora_scale"][0])
            lin.weight += scale * (B @ A)
    return len(names)


def unwrap(model: nn.Module) -> None:
    """Replace every LoRALinear by its base layer with the adapter merged in."""
    for name, m in list(model.named_modules()):
        if isinstance(m, LoRALinear):
            with torch.no_grad():
                m.base.weight += m.scale * (m.B @ m.A)
            parent_name, _, child = name.rpartition(".")
            parent = model.get_submodule(parent_name) if parent_name else model
            setattr(parent, child, m.base)
