"""The LLM layer against an OpenAI-compatible server started here on 127.0.0.1.

A server that takes a JSON schema (`response_format`) gets structured output: the rows come back
as RefineReply JSON and go through the same repairs and review as the line format. A server
that refuses the schema (HTTP 400, like some older local servers) gets the streamed line format.
The replies are the recorded 1.5B rewrite of the fixture draft (tests/fixtures/llm_replies/).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import llm
from assistant.rules import has_errors, review
from assistant.settings import Settings
from tests.fixtures_llm import reply

# The recorded 1.5B reply (5-column lines) as the 3-column rows a schema-following server returns.
ROWS = [
    {"ref": cells[4], "name": cells[2], "value": cells[3]}
    for cells in (line.split("|") for line in reply("valid_qwen1.5b").splitlines())
]


class _ChatServer(BaseHTTPRequestHandler):
    """/chat/completions: JSON rows for a `response_format` request, else streamed lines."""

    bodies: list[dict] = []
    refuse_schema = broken = False

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).bodies.append(body)
        if self.broken:
            self._send(500, {"error": {"message": "internal error"}})
        elif "response_format" in body and self.refuse_schema:
            self._send(400, {"error": {"message": "response_format is not supported"}})
        elif "response_format" in body:
            self._send(200, _completion(json.dumps({"rows": ROWS}, ensure_ascii=False)))
        else:
            self._stream("\n".join(f"{r['ref']}|{r['name']}|{r['value']}" for r in ROWS))

    def _send(self, status: int, payload: dict) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _stream(self, text: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for part in [text[i : i + 7] for i in range(0, len(text), 7)]:
            chunk = {
                "id": "c1",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "local",
                "choices": [{"index": 0, "delta": {"content": part}, "finish_reason": None}],
            }
            self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")

    def log_message(self, *args):
        pass


def _completion(content: str) -> dict:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 0,
        "model": "local",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@pytest.fixture
def chat_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _ChatServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _ChatServer.bodies, _ChatServer.refuse_schema, _ChatServer.broken = [], False, False
    yield _ChatServer, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def _model(tmp_path, base_url: str):
    settings = Settings(
        data_dir=tmp_path, llm="openai:local", openai_base_url=base_url, _env_file=None
    )
    return llm.make_chat_model(settings)


def _assert_refined(refined, draft) -> None:
    assert refined.drafter == "openai:local"
    assert refined.table.indicators[0].name == "检查企业数量"  # the model's rename of D1 kept
    assert not has_errors(review(refined.table))
    assert all(r.source and r.source.table_id for r in refined.table.indicators)
    assert len(refined.table.indicators) == len(draft.table.indicators)


def test_a_server_with_json_schema_gets_structured_output(
    tmp_path, chat_server, llm_draft, llm_retrieved
):
    handler, url = chat_server
    progress: list[int] = []
    refined = llm.refine(
        llm_draft,
        llm_retrieved,
        _model(tmp_path, url),
        on_progress=lambda message, rows: progress.append(len(rows)),
    )
    _assert_refined(refined, llm_draft)
    (body,) = handler.bodies
    schema = body["response_format"]["json_schema"]["schema"]
    assert body["response_format"]["type"] == "json_schema"
    assert set(schema["properties"]) == {"rows"} and schema["additionalProperties"] is False
    assert max(progress) == len(ROWS)  # rows reported as for a streamed reply


def test_a_server_refusing_the_schema_gets_the_line_format(
    tmp_path, chat_server, llm_draft, llm_retrieved
):
    handler, url = chat_server
    handler.refuse_schema = True
    refined = llm.refine(llm_draft, llm_retrieved, _model(tmp_path, url))
    _assert_refined(refined, llm_draft)
    assert ["response_format" in body for body in handler.bodies] == [True, False]
    assert handler.bodies[1]["stream"] is True


def test_a_failing_server_is_not_asked_again_in_lines(
    tmp_path, chat_server, llm_draft, llm_retrieved
):
    handler, url = chat_server
    handler.broken = True
    refined = llm.refine(llm_draft, llm_retrieved, _model(tmp_path, url))
    assert refined.table == llm_draft.table and "调用 LLM 失败" in refined.notes[-1].text
    assert handler.bodies and all("response_format" in body for body in handler.bodies)
