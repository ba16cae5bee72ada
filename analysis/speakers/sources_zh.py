"""Chinese sentences that open with their source ("据叙利亚国防部4日发布的消息，……", "记者从交通运输部获悉，
……"): the source speaks, or no one the text names (narrator)."""
from __future__ import annotations

import re

from analysis.speakers.common import MASK
from analysis.speakers.registry import NARRATOR
from analysis.speakers.rules_zh import reading, resolve_zh
from analysis.speakers.state import OUTLET_LEAD, Attribution, Context

# "据叙利亚国防部4日发布的消息，……", "据新华社报道，……": the source a sentence opens with
ZH_ACCORDING_TO = re.compile(r"^[\s" + MASK + r"]*(?:据|據)(?P<src>[^，。；：“”]{2,30}?)(?:发布|發布|公布|披露)?的?"
                             r"(?:消息|报道|報道|通报|通報|介绍|介紹|统计|統計|数据|數據|声明|聲明)[，,]")


# "记者从交通运输部获悉，……", "国家粮食和物资储备局今天（11月22日）发布的最新数据显示，……"
ZH_LEARNED_FROM = re.compile(r"^[\s" + MASK + r"]*(?:记者|記者)[^，。；：从從]{0,6}(?:从|從)(?P<src>[^，。；：“”]{2,30}?)"
                             r"(?:获悉|獲悉|了解到|得知)[，,]|"
                             r"^[\s" + MASK + r"]*(?P<src2>[\u4e00-\u9fff]{2,20}?)(?:今天|今日|昨天|日前|近日|\d{1,2}日)?"
                             r"(?:[（(][^）)]{2,12}[）)])?(?:发布|發布|公布)的(?:最新)?(?:数据|數據|统计|統計|统计数据|報告|报告)"
                             r"(?:显示|顯示|表明)[，,]")


def according_to(s: Context) -> Attribution | None:
    """A sentence that opens with its source, a body or a person ("据叙利亚国防部4日发布的消息，叙政府军……"),
    and has no verb of saying of its own: the source's; a source that names no one: narrator."""
    z = reading(s)
    lead = OUTLET_LEAD.match(z.masked)
    body = z.masked[lead.end():] if lead else z.masked
    m = ZH_ACCORDING_TO.match(body) or ZH_LEARNED_FROM.match(body)
    if not m or any(kind == "speech" for _, _, kind in z.events):
        return None
    r = resolve_zh(s.state, s.cues, m.group("src") or m.group("src2"))
    # a source that names no one ("据叙利亚媒体报道"): a generic source, narrator
    return Attribution(r.name, "reported") if r and r.kind in ("person", "body") else Attribution(NARRATOR, "none")
