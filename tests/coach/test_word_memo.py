"""The per-word memo the analyzers share: same answers as the function, bounded."""

from __future__ import annotations

from plugin.coach.word_memo import WordMemo


def test_a_word_is_worked_out_once_and_then_looked_up() -> None:
    calls: list[str] = []

    def shout(word: str) -> str:
        calls.append(word)
        return word.upper()

    memo = WordMemo(shout)
    assert list(map(memo.__getitem__, ["hello", "there", "hello"])) == ["HELLO", "THERE", "HELLO"]
    assert memo("there") == "THERE"
    assert calls == ["hello", "there"]


def test_past_its_limit_the_memo_starts_again_and_still_answers() -> None:
    memo = WordMemo(len, limit=2)
    assert [memo[w] for w in ["a", "bb", "ccc", "dddd"]] == [1, 2, 3, 4]
    assert len(memo) <= 2


def test_cache_clear_forgets_every_word() -> None:
    calls: list[str] = []

    def count(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = WordMemo(count)
    memo("word")
    memo.cache_clear()
    memo("word")
    assert calls == ["word", "word"]
