"""Tokenisation under threads, forks and long texts: the same words, whoever asks."""
from __future__ import annotations

import os
import threading

from screening.detectors import tokens
from screening.detectors.names import detect_names
from screening.detectors.normalize import normalize

LINE = "市民課の山田太郎さん（前橋市大手町二丁目）から、児童手当の申請について相談がありました。\n"


def _long_text(tag: str) -> str:
    return normalize((LINE * 40) + tag)  # ~2,000 characters: analysed in two halves


def test_long_text_halves_give_the_same_tokens_as_one_pass(monkeypatch):
    text = _long_text("一回目")
    split = tokens.tokenize(text)
    tokens.tokenize.cache_clear()
    monkeypatch.setattr(tokens, "_PARALLEL_MIN", 10**9)
    whole = tokens.tokenize(text)
    tokens.tokenize.cache_clear()
    assert len(split) > 1000
    assert split == whole


def test_concurrent_threads_each_get_every_name():
    # One shared Sudachi tokenizer refuses a second thread ("already in use"); a refused
    # chunk used to be skipped silently, so a name could go unseen under load.
    found: list[int] = []
    errors: list[BaseException] = []

    def screen(n: int) -> None:
        try:
            for k in range(10):
                text = f"{k}{n}: 申請者の山田太郎さんの件です。" + LINE * 3
                found.append(sum(1 for f in detect_names(text) if text[f.start:f.end] == "山田太郎"))
        except BaseException as error:  # noqa: BLE001
            errors.append(error)

    threads = [threading.Thread(target=screen, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(found) == 40 and all(count >= 1 for count in found)


def test_forked_child_tokenises_long_texts():
    text = _long_text("親")
    parent = tokens.tokenize(text)  # the parent has made its helper thread
    tokens.tokenize.cache_clear()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child inherits the pool object, not its thread
        try:
            os.write(write, b"1" if tokens.tokenize(text) == parent else b"0")
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    assert os.read(read, 1) == b"1"
    assert status == 0


def test_dictionary_mapping_is_advised_random():
    tokens.tokenize(normalize("前橋市役所"))
    assert tokens._dictionary_advise() > 100 * 2**20  # the 200 MB system.dic mapping
