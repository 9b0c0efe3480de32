"""Word counts with a typed Dict: split a text, count each word, report the most frequent."""
from numba.pycc import CC
from numba import typed, types

cc = CC('dict_wordcount')


@cc.export('most_common_count', 'i8(unicode_type)')
def most_common_count(text):
    counts = typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    best = 0
    for w in counts:
        if counts[w] > best:
            best = counts[w]
    return best


@cc.export('distinct_words', 'i8(unicode_type)')
def distinct_words(text):
    seen = typed.Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for word in text.split(","):
        w = word.strip()
        if len(w) > 0 and w not in seen:
            seen[w] = len(seen)
    return len(seen)


@cc.export('counts', 'DictType(unicode_type, int64)(unicode_type)')
def counts(text):
    d = {}
    for word in text.split(" "):
        if word in d:
            d[word] += 1
        else:
            d[word] = 1
    return d


TESTS = {
    'most_common_count': 'str:ab_',
    'distinct_words': 'str:ab,_c',
    'counts': 'str:ab_',
}
