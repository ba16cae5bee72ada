"""AliasIndex.base_find (the target column reads the registry's names from a document view's memo):
it must give what the view's base finds, whatever names the view added."""
import random

from analysis.speakers.names import AliasIndex, registry_index
from analysis.speakers.registry import Registry


def test_base_find_gives_what_the_base_finds():
    base = registry_index(Registry.load())
    aliases = sorted(base.known)
    words = sorted({w for a in aliases for w in a.split()})
    hanzi = sorted({c for a in aliases for c in a if "\u4e00" <= c <= "\u9fff"})
    rnd = random.Random(7)
    checked = with_names = 0
    for _ in range(300):
        view = AliasIndex(base)
        for _ in range(rnd.randint(1, 6)):      # names a document introduces, overlapping the registry's
            k = rnd.random()
            if k < 0.4:
                view.add(" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 4))))
            elif k < 0.7:
                view.add(rnd.choice(aliases) + " " + rnd.choice(words))
            else:
                view.add("".join(rnd.choice(hanzi) for _ in range(rnd.randint(1, 4))))
        pool = words + sorted(view.added) + hanzi + [",", "the", "。"]
        for _ in range(10):
            text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 15)))
            if rnd.random() < 0.3:
                text = text.replace(" ", "")
            view.find(text)                     # the view remembers it, as after the speaker rules
            want = base.find(text)
            assert view.base_find(text) == want, text
            checked += 1
            with_names += bool(want)
    assert checked == 3000 and with_names > 1000
    # an index that is no view finds as find() does
    assert base.base_find("President Biden met Xi Jinping") == base.find("President Biden met Xi Jinping")
