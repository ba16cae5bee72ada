"""Fine-tune multilingual-e5-small end to end (LoRA adapters or all transformer layers) with a
stance and a sentiment head on the gold train split; dev macro-F1 per language after each epoch.
The test split is never read.

    OMP_NUM_THREADS=2 .venv/bin/python scripts/transformer/finetune.py OUT_DIR \
        [--mode lora|full] [--top 12] [--rank 16] [--lr 3e-4] [--epochs 4] [--rounds 1,2] [--batch 16] \
        [--init-head HEAD.json] [--cache-dir DIR]
--top K trains the top K blocks (the lower ones are frozen; their outputs are computed once);
--init-head starts the heads from a saved logistic regression head (LP-FT).

Writes OUT_DIR/epoch-N.pt (trainable state) and OUT_DIR/log.jsonl (dev figures before training, epoch
0, and after each epoch).
"""
import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from analysis.scorers.transformer.encoders import Encoder  # noqa: E402
from analysis.evaluation.gold import read_stance_gold, training_rows# noqa: E402
from analysis.evaluation.metrics import macro_f1  # noqa: E402

LABELS = ["cooperative", "neutral", "confrontational"]
SENT = [-1, 0, 1]


class LoRALinear(torch.nn.Module):
    def __init__(self, base, r, alpha, dropout, seed):
        super().__init__()
        self.base = base
        self.scale = alpha / r
        g = torch.Generator().manual_seed(seed)
        self.A = torch.nn.Parameter(torch.randn(r, base.in_features, generator=g) / base.in_features ** 0.5)
        self.B = torch.nn.Parameter(torch.zeros(base.out_features, r))
        self.drop = torch.nn.Dropout(dropout)

    def forward(self, x):
        return self.base(x) + (self.drop(x) @ self.A.T @ self.B.T) * self.scale


SUFFIX = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
          "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": ".output.dense"}


def inject(model, r, alpha, dropout, targets, low=0):
    """Wrap the chosen linear layers of every transformer block with adapters; freeze the rest."""
    for p in model.parameters():
        p.requires_grad_(False)

    def chosen(n):
        if "encoder.layer" not in n or int(n.split(".")[2]) < low:
            return False
        for t in targets:
            suf = SUFFIX[t]
            if t == "fo":
                if n.endswith(suf) and "attention" not in n:
                    return True
            elif n.endswith(suf):
                return True
        return False
    names = sorted(n for n, m in model.named_modules() if isinstance(m, torch.nn.Linear) and chosen(n))
    for k, name in enumerate(names):
        parent, _, child = name.rpartition(".")
        setattr(model.get_submodule(parent), child,
                LoRALinear(getattr(model.get_submodule(parent), child), r, alpha, dropout, k))
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mode", default="lora")
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--alpha", type=float, default=32)
    ap.add_argument("--targets", default="q,k,v,ao,fi,fo")
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--rounds", default="")
    ap.add_argument("--sent-weight", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--bf16", type=int, default=1)
    ap.add_argument("--top", type=int, default=12, help="layers trained; the lower ones are frozen and cached")
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--init-head", default="", help="a saved head JSON to start from (LP-FT)")
    ap.add_argument("--cache-dir", default="", help="keep the frozen layers' outputs here between runs")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(a.seed)
    rng = np.random.default_rng(a.seed)

    gold = read_stance_gold()
    tr = training_rows(gold, "train", [int(r) for r in a.rounds.split(",")] if a.rounds else None)
    dv = gold[gold.split == "dev"]
    enc = Encoder("multilingual-e5-small", precision="fp32")
    model, tok = enc.model, enc.tokenizer
    if a.mode == "lora":
        targets = set(a.targets.split(","))
        wrapped = inject(model, a.rank, a.alpha, 0.1, targets, 12 - a.top)
        print(f"LoRA on {len(wrapped)} linear layers", flush=True)
    else:
        for n, p in model.named_parameters():
            p.requires_grad_("encoder.layer" in n and int(n.split(".")[2]) >= 12 - a.top)
    stance_head = torch.nn.Linear(enc.dim, 3)
    sent_head = torch.nn.Linear(enc.dim, 3)
    if a.init_head:   # LP-FT: start from the frozen-encoder logistic regression heads
        doc = json.loads(Path(a.init_head).read_text())
        for head, key, classes in ((stance_head, "stance", LABELS), (sent_head, "sentiment", SENT)):
            h = doc["heads"]["en"][key]
            order = [h["classes"].index(c) for c in classes]
            with torch.no_grad():
                head.weight.copy_(torch.tensor(h["coef"])[order] / 20)
                head.bias.copy_(torch.tensor(h["intercept"])[order])
    enc_params = [p for p in model.parameters() if p.requires_grad]
    print(f"trainable encoder parameters: {sum(p.numel() for p in enc_params):,}", flush=True)
    opt = torch.optim.AdamW([{"params": enc_params, "lr": a.lr},
                             {"params": list(stance_head.parameters()) + list(sent_head.parameters()),
                              "lr": a.head_lr}], weight_decay=0.01)
    texts = ["query: " + t for t in tr.text]
    dtexts = ["query: " + t for t in dv.text]
    y = np.array([LABELS.index(l) for l in tr.label])
    s = np.array([SENT.index(int(v)) for v in tr.sentiment])
    cw = torch.tensor(len(y) / (3 * np.bincount(y, minlength=3)), dtype=torch.float32)
    sw = torch.tensor(len(s) / (3 * np.bincount(s, minlength=3)), dtype=torch.float32)
    steps_per_epoch = (len(texts) + a.batch - 1) // a.batch
    total = steps_per_epoch * a.epochs
    warm = max(1, total // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / warm) * max(0.0, (total - k) / max(1, total - warm)))

    # the frozen lower layers run once: their output is cached per statement
    from transformers.masking_utils import create_bidirectional_mask
    low = 12 - a.top
    top_layers = model.encoder.layer[low:]

    def cache(tx):
        out = [None] * len(tx)
        order = np.argsort([len(t) for t in tx])
        full = model.encoder.layer
        model.encoder.layer = full[:low]     # only the frozen layers run here
        with torch.inference_mode():
            for k in range(0, len(order), 32):
                idx = order[k:k + 32]
                b = tok([tx[i] for i in idx], padding=True, truncation=True, max_length=a.max_length,
                        return_tensors="pt")
                hs = (model(**b, output_hidden_states=True).hidden_states[low] if low
                      else model.embeddings(input_ids=b["input_ids"]))
                for j, i in enumerate(idx):
                    out[i] = hs[j, :int(b["attention_mask"][j].sum())].clone()
        model.encoder.layer = full
        return out
    t0 = time.time()
    cache_file = Path(a.cache_dir) / f"layer{low}-{a.rounds or 'all'}-{a.max_length}.pt" if a.cache_dir else None
    if cache_file is not None and cache_file.exists():
        H, DH = torch.load(cache_file)
    else:
        H, DH = cache(texts), cache(dtexts)
        if cache_file is not None:
            torch.save((H, DH), cache_file)
    print(f"cached layer {low} outputs in {time.time() - t0:.0f}s", flush=True)

    def embed(store, idx):
        n = max(store[i].shape[0] for i in idx)
        h = torch.zeros(len(idx), n, enc.dim)
        m = torch.zeros(len(idx), n, dtype=torch.long)
        for j, i in enumerate(idx):
            L = store[i].shape[0]
            h[j, :L] = store[i]
            m[j, :L] = 1
        am = create_bidirectional_mask(config=model.config, inputs_embeds=h, attention_mask=m)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bool(a.bf16)):
            for layer in top_layers:
                h = layer(h, am)
                h = h[0] if isinstance(h, tuple) else h
        h = h.float()
        mf = m.unsqueeze(-1).float()
        e = (h * mf).sum(1) / mf.sum(1)
        return torch.nn.functional.normalize(e, dim=1) * 20  # e5 embeddings are unit vectors

    def evaluate():
        model.eval()
        order = np.argsort([DH[i].shape[0] for i in range(len(DH))])
        P = np.zeros((len(DH), 3))
        with torch.no_grad():
            for k in range(0, len(order), 32):
                idx = order[k:k + 32]
                P[idx] = torch.softmax(stance_head(embed(DH, idx)), 1).numpy()
        model.train()
        pred = [LABELS[i] for i in P.argmax(1)]
        res = {}
        for lg in ("en", "zh"):
            sel = (dv.lang == lg).values
            gold_l = dv.label.values[sel].tolist()
            Y = np.array([[g == c for c in LABELS] for g in gold_l], float)
            res[lg] = round(macro_f1(gold_l, [p for p, k in zip(pred, sel) if k], LABELS), 4)
            res[lg + "_brier"] = round(float(((P[sel] - Y) ** 2).sum(1).mean()), 4)
        return res

    log = open(out / "log.jsonl", "a")
    rec = {"epoch": 0, "dev": evaluate(), "args": vars(a)}
    print(json.dumps(rec), flush=True)
    log.write(json.dumps(rec) + "\n")
    model.train()
    for ep in range(a.epochs):
        t0 = time.time()
        perm = rng.permutation(len(texts))
        # length-bucketed batches: sort chunks of 50 batches by length, then shuffle the batches
        batches = []
        for c in range(0, len(perm), a.batch * 50):
            ch = sorted(perm[c:c + a.batch * 50], key=lambda i: H[i].shape[0])
            batches += [ch[k:k + a.batch] for k in range(0, len(ch), a.batch)]
        rng.shuffle(batches)
        tot = 0.0
        for bi, idx in enumerate(batches):
            e = embed(H, idx)
            loss = torch.nn.functional.cross_entropy(stance_head(e), torch.tensor(y[idx]), weight=cw)
            loss = loss + a.sent_weight * torch.nn.functional.cross_entropy(
                sent_head(e), torch.tensor(s[idx]), weight=sw)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(enc_params, 1.0)
            opt.step()
            sched.step()
            tot += loss.item()
            if bi % 50 == 0:
                print(f"  epoch {ep + 1} batch {bi}/{len(batches)} loss {tot / (bi + 1):.3f} "
                      f"({time.time() - t0:.0f}s)", flush=True)
        d = evaluate()
        rec = {"epoch": ep + 1, "loss": round(tot / len(batches), 4), "dev": d, "seconds": round(time.time() - t0),
               "args": vars(a)}
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()
        state = {k: v for k, v in model.state_dict().items()
                 if any(t in k for t in (".A", ".B")) or a.mode == "full"}
        if a.mode == "full":
            state = {k: v for k, v in state.items() if "encoder.layer" in k}
        torch.save({"encoder": state, "stance": stance_head.state_dict(), "sentiment": sent_head.state_dict(),
                    "args": vars(a)}, out / f"epoch-{ep + 1}.pt")


if __name__ == "__main__":
    main()
