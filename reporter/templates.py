"""Where the user-editable templates are found.

Lookup is per file, first hit wins:

1. the folder given with ``--templates DIR``;
2. the folder named by the environment variable ``REPORTER_TEMPLATES``;
3. the defaults packaged in the wheel (``reporter/_templates``);
4. the checkout's top-level ``templates/`` folder (editable installs, running from a clone).

The working directory is never searched: an unrelated ``./templates`` folder must not be picked up.
"""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

from .errors import TemplateError

ENV_VAR = "REPORTER_TEMPLATES"

# name → what it is, for `reporter templates show` and `templates init`
TEMPLATE_FILES: dict[str, str] = {
    "schema.toml": "字段表：台账列、表头、列宽、指标名称与别名",
    "posts.txt": "职务词表：识别“姓名 + 职务”",
    "userdict.txt": "分词用户词典（jieba 格式）",
    "domain_words.txt": "关键词领域词表",
    "briefing.docx": "简报模板（Word，GB/T 9704 版式，{{ }} 占位符）",
    "briefing.toml": "简报设置：刊头、编发单位、标题、抄送、印发单位",
    "task_words.txt": "工作要求词表：列表导语、提纲式小标题",
    "metric_words.txt": "工作数据词表：量词、结果动词、统计名词、不算工作数据的写法",
    "header_words.txt": "版面词表：文种、发布行与署名行的标签、引题与副题的写法、媒体名称后缀",
    "org_words.txt": "机关名称词表：机关后缀、下属机构、媒体、泛指和引用的写法",
    "meeting_words.txt": "会议活动词表：会议词、行动词、召开类动词、主办单位的动作",
    "ledger.toml": "台账设置：标题、填报单位、字体、颜色、页宽、是否附原文批注",
    "review.toml": "核对页设置：文件名（核对.html）、标题、每份报告带多少原文",
    "review.html": "核对页网页模板（样式和脚本都在文件里，不联网）",
}


def packaged_dir() -> Path | None:
    """The templates folder shipped inside the installed package, if there is one."""
    try:
        candidate = resources.files("reporter") / "_templates"
    except (ModuleNotFoundError, TypeError):  # pragma: no cover
        return None
    path = Path(str(candidate))
    return path if path.is_dir() else None


def checkout_dir() -> Path | None:
    """The top-level templates/ folder of a source checkout, if running from one."""
    path = Path(__file__).resolve().parent.parent / "templates"
    return path if (path / "schema.toml").is_file() else None


def default_dir() -> Path:
    """The folder holding the default templates."""
    for candidate in (packaged_dir(), checkout_dir()):
        if candidate is not None:
            return candidate
    raise TemplateError("找不到程序自带的模板文件夹（templates）；请重新安装 reporter")


def search_path(override: Path | str | None = None) -> list[Path]:
    dirs: list[Path] = []
    if override:
        dirs.append(Path(override))
    env = os.environ.get(ENV_VAR)
    if env:
        dirs.append(Path(env))
    dirs.append(default_dir())
    return dirs


def find_template(name: str, override: Path | str | None = None) -> Path:
    """The file in effect for a template name: --templates DIR > $REPORTER_TEMPLATES > defaults."""
    if override is not None and not Path(override).is_dir():
        raise TemplateError(f"{override}：模板文件夹不存在；请检查 --templates 参数", path=override)
    for folder in search_path(override):
        path = folder / name
        if path.is_file():
            return path
    raise TemplateError(
        f"{name}：在模板文件夹中找不到这个文件；可用 reporter templates init 重新生成默认模板"
    )


def optional_template(name: str, override: Path | str | None = None) -> Path | None:
    try:
        return find_template(name, override)
    except TemplateError:
        return None


def init_templates(target: Path, *, force: bool = False) -> list[Path]:
    """Copy the default templates into `target` for editing; existing files are kept unless force."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    source = default_dir()
    for name in TEMPLATE_FILES:
        src = source / name
        if not src.is_file():
            continue
        dst = target / name
        if dst.exists() and not force:
            continue
        shutil.copyfile(src, dst)
        written.append(dst)
    return written


def show_templates(override: Path | str | None = None) -> list[tuple[str, Path | None, str]]:
    """(name, file in effect, description) for every template."""
    return [(name, optional_template(name, override), desc) for name, desc in TEMPLATE_FILES.items()]
