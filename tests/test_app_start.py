"""The first ten minutes: what `make run` installs, no public share link, the README's 使用说明."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

DEV_ONLY = ("pytest", "playwright", "ruff", "sentence-transformers", "torch")


def _target(makefile: str, name: str) -> str:
    return re.search(rf"^{name}:(.*)$", makefile, re.M).group(1)


def test_make_run_installs_only_what_the_app_needs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert _target(makefile, "run").split() == ["install"]
    assert _target(makefile, "install").split() == ["$(APP_STAMP)"]
    app_recipe = makefile.split("$(APP_STAMP): pyproject.toml", 1)[1].split("\n\n", 1)[0]
    assert "-e ." in app_recipe and "[dev]" not in app_recipe and "torch" not in app_recipe
    assert "install-dev" in _target(makefile, "test")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"])
    assert not [name for name in DEV_ONLY if name in runtime]
    dev = " ".join(project["optional-dependencies"]["dev"])
    assert "pytest" in dev and "playwright" in dev


def test_no_public_share_link(test_settings, monkeypatch, capsys):
    import app
    from webui.layout import launch_kwargs

    assert launch_kwargs(test_settings)["share"] is False
    seen = {}

    class FakeDemo:
        def launch(self, **kwargs):
            seen.update(kwargs)

    monkeypatch.setattr(app, "get_settings", lambda: test_settings)
    monkeypatch.setattr(app, "create_app", lambda settings: (FakeDemo(), None))
    assert app.main() == 0
    # quiet: gradio would otherwise print "To create a public link, set `share=True`".
    assert seen["share"] is False and seen["quiet"] is True
    assert "share" not in capsys.readouterr().out


def test_readme_opens_with_instructions_for_budget_staff():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = readme.index("make test")
    guide = readme.index("## 使用说明")
    developers = readme.index("## For developers")
    assert commands < guide < developers
    assert readme.index("## ", commands) == guide  # nothing else between the commands and it
    section = readme[guide:developers]
    for words in ("描述项目", "撤销", "导出", "对比", "帮助"):
        assert words in section
