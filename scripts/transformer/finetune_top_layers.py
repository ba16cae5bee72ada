"""Fine-tune the top K layers of e5 (+ linear head) on gold train, lower layers frozen and cached; dev macro-F1 each epoch.
    .venv/bin/python scripts/transformer/finetune_top_layers.py OUT_DIR K[,K] LR[,LR] EPOCHS   (OUT_DIR from embed_variants.py)
"""
import sys, time, copy, numpy as np, pandas as pd, torch
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
from analysis.scorers.transformer.encoders import Encoder
from analysis.evaluation.metrics import macro_f1
from transformers.masking_utils import create_bidirectional_mask
torch.manual_seed(0)
LABELS = ["cooperative", "neutral", "confrontational"]
meta = pd.read_pickle(sys.argv[1] + "/meta.pkl")
meta = meta[meta.src == "gold"].reset_index(drop=True)
enc = Encoder("multilingual-e5-small", precision="fp32")
model = enc.model
texts = ["query: " + t for t in meta.text]
KS = [int(k) for k in sys.argv[2].split(",")]
store = {k: [None] * len(texts) for k in KS}
t0 = time.time()
order = np.argsort([len(t) for t in texts], kind="stable")
with torch.inference_mode():
    for s in range(0, len(texts), 32):
        idx = order[s:s + 32]
        b = enc.tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=256, return_tensors="pt")
        hs = model(**b, output_hidden_states=True).hidden_states
        for j, i in enumerate(idx):
            n = int(b["attention_mask"][j].sum())
            for k in KS:
                store[k][i] = hs[12 - k][j, :n].clone()
print("cached", time.time() - t0, flush=True)
y = np.array([LABELS.index(l) for l in meta.label]); lang = meta.lang.values
tr = np.where(meta.split == "train")[0]; dv = np.where(meta.split == "dev")[0]
cw = torch.tensor(len(tr) / (3 * np.bincount(y[tr], minlength=3)), dtype=torch.float32)

def batch(k, idx):
    n = max(store[k][i].shape[0] for i in idx)
    h = torch.zeros(len(idx), n, 384); m = torch.zeros(len(idx), n, dtype=torch.long)
    for j, i in enumerate(idx):
        L = store[k][i].shape[0]; h[j, :L] = store[k][i]; m[j, :L] = 1
    return h, m

def forward(layers, head, h, m):
    am = create_bidirectional_mask(config=model.config, inputs_embeds=h, attention_mask=m)
    for layer in layers:
        h = layer(h, am)
        h = h[0] if isinstance(h, tuple) else h
    mf = m.unsqueeze(-1).float()
    e = (h * mf).sum(1) / mf.sum(1)
    e = torch.nn.functional.normalize(e, dim=1)
    return head(e)

def evaluate(layers, head, k, idx):
    preds = []
    with torch.no_grad():
        srt = sorted(idx, key=lambda i: store[k][i].shape[0])
        out = {}
        for s in range(0, len(srt), 64):
            bi = srt[s:s + 64]; h, m = batch(k, bi)
            for i, p in zip(bi, forward(layers, head, h, m).argmax(1).tolist()): out[i] = p
    pred = np.array([out[i] for i in idx])
    return {lg: macro_f1([LABELS[v] for v in y[idx][lang[idx] == lg]], [LABELS[v] for v in pred[lang[idx] == lg]], LABELS) for lg in ["en", "zh"]}

for k in KS:
    for lr in [float(x) for x in sys.argv[3].split(",")]:
        torch.manual_seed(0); rng = np.random.default_rng(0)
        layers = torch.nn.ModuleList([copy.deepcopy(model.encoder.layer[12 - k + j]) for j in range(k)]).train()
        head = torch.nn.Linear(384, 3)
        torch.nn.init.zeros_(head.weight); torch.nn.init.zeros_(head.bias)
        opt = torch.optim.AdamW([{"params": layers.parameters(), "lr": lr}, {"params": head.parameters(), "lr": 1e-2}], weight_decay=0.01)
        for ep in range(int(sys.argv[4])):
            t = time.time(); perm = rng.permutation(tr)
            # length-bucketed minibatches of 16
            chunks = [perm[s:s + 256] for s in range(0, len(perm), 256)]
            tot = 0
            for ch in chunks:
                ch = sorted(ch, key=lambda i: store[k][i].shape[0])
                for s in range(0, len(ch), 16):
                    bi = ch[s:s + 16]; h, m = batch(k, bi)
                    logits = forward(layers, head, h, m) * 20  # temperature on cosine-scale features
                    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y[bi]), weight=cw)
                    opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
            layers.eval(); d = evaluate(layers, head, k, list(dv)); layers.train()
            print(f"top-{k} lr {lr} epoch {ep+1}: loss {tot:.1f} dev en {d['en']:.3f} zh {d['zh']:.3f} ({time.time()-t:.0f}s)", flush=True)
