"""Dev-split experiments for the transformer head (issue 5, English goal), step 1 of 2: embed the
gold train and dev statements and the dev halves of CAMEO and PLOVER with multilingual-e5-small,
with both e5 prefixes ("query: ", "passage: "), keeping the mean pool of every layer and the CLS
vector of the last one. Never reads the test split or the test halves.

    .venv/bin/python scripts/transformer/embed_variants.py OUT_DIR
    .venv/bin/python scripts/transformer/head_experiments.py OUT_DIR

Slow on a shared 2-core machine (about 4 min per prefix unloaded, 20 min under load).
"""
import sys, time, numpy as np, pandas as pd, torch
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
from analysis.evaluation.gold import read_stance_gold
from analysis.scorers.transformer.encoders import Encoder
OUT = sys.argv[1]
g = read_stance_gold()
g = g[g.split.isin(["train", "dev"])]
cam = read_stance_gold("/work/shared/labeled/cameo_pentaclass/cameo_class_train.tsv")
plo = read_stance_gold("/work/shared/labeled/plover_gsr/PLOVER_GSR_CAMEO.json")
cam = cam[cam.split == "dev"].assign(src="cameo"); plo = plo[plo.split == "dev"].assign(src="plover")
g = g.assign(src="gold")
cols = ["text", "lang", "stance", "label", "split", "src"]
df = pd.concat([g[cols], cam[cols], plo[cols]], ignore_index=True)
df.to_pickle(OUT + "/meta.pkl")
print(df.groupby(["src", "split", "lang"]).size())
enc = Encoder("multilingual-e5-small")
print(enc.info())
for prefix in ["query: ", "passage: "]:
    texts = [prefix + t for t in df.text]
    n = len(texts); L = enc.model.config.num_hidden_layers + 1
    means = np.zeros((n, L, enc.dim), np.float32); cls = np.zeros((n, enc.dim), np.float32)
    order = np.argsort([len(t) for t in texts], kind="stable")
    t0 = time.time()
    with torch.inference_mode():
        for k in range(0, n, 32):
            idx = order[k:k + 32]
            b = enc.tokenizer([texts[i] for i in idx], padding=True, truncation=True, max_length=256, return_tensors="pt")
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=enc.precision == "bf16"):
                hs = enc.model(**b, output_hidden_states=True).hidden_states
            m = b["attention_mask"].unsqueeze(-1).float()
            for l, h in enumerate(hs):
                h = h.float()
                means[idx, l] = ((h * m).sum(1) / m.sum(1)).numpy()
            cls[idx] = hs[-1][:, 0].float().numpy()
    print(prefix, "done", time.time() - t0, flush=True)
    tag = prefix.strip(": ")
    np.save(f"{OUT}/means_{tag}.npy", means); np.save(f"{OUT}/cls_{tag}.npy", cls)
    # sanity: matches Encoder.encode for the query prefix
    if tag == "query":
        e = enc.encode(df.text[:50].tolist())
        a = means[:50, -1]; a = a / np.linalg.norm(a, axis=1, keepdims=True)
        print("cos to Encoder.encode", (a * e).sum(1).min())
