from pathlib import Path

from assistant.settings import Settings


def test_environment_variables_with_the_prefix_configure_everything(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANCOACH_MAX_NOTES_CHARS", "60000")
    monkeypatch.setenv("PLANCOACH_DATA_DIR", str(tmp_path))
    s = Settings()
    assert s.max_notes_chars == 60000
    assert s.resolved_database_url() == f"sqlite:///{(tmp_path / 'plancoach.db').resolve()}"


def test_the_drafter_defaults_to_embedded_unless_a_model_is_configured(monkeypatch):
    for name in ("PLANCOACH_DRAFTER", "PLANCOACH_LLM_BASE_URL", "PLANCOACH_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert Settings().resolved_drafter() == "embedded"
    monkeypatch.setenv("PLANCOACH_LLM_BASE_URL", "http://127.0.0.1:8080/v1")
    assert Settings().resolved_drafter() == "llm"
    monkeypatch.setenv("PLANCOACH_DRAFTER", "embedded")
    assert Settings().resolved_drafter() == "embedded"


def test_the_page_size_is_a4_unless_the_organisation_says_letter_in_any_case(monkeypatch):
    monkeypatch.delenv("PLANCOACH_PAGE_SIZE", raising=False)
    assert Settings().page_size == "A4"
    monkeypatch.setenv("PLANCOACH_PAGE_SIZE", "letter")
    assert Settings().page_size == "Letter"


def test_an_empty_folder_setting_is_the_default_not_the_working_directory(monkeypatch):
    from assistant.settings import default_cache_dir

    monkeypatch.setenv("PLANCOACH_CACHE_DIR", "")
    assert Settings().cache_dir == default_cache_dir()
    monkeypatch.setenv("PLANCOACH_CACHE_DIR", "~/pc-cache")
    assert Settings().cache_dir == Path.home() / "pc-cache"

