"""The app's strings around its pages: its frame, the sidebar and the error messages.

Each table maps a key to its (Chinese, English) string; :data:`ui.strings.STRINGS`
holds them all, and :func:`ui.strings.t` looks them up.
"""

from __future__ import annotations

__all__ = ["APP", "ERRORS", "SIDEBAR"]


#: The app itself: its title, its pages, what it says while it works.
APP: dict[str, tuple[str, str]] = {
    "title": ("政策知识库", "PolicyKB"),
    "ask": ("问答", "Ask"),
    "search": ("检索", "Search"),
    "browse": ("浏览", "Browse"),
    "fit": ("项目匹配", "Project fit"),
    "targets": ("规划指标", "Targets"),
    "compare": ("对比", "Compare"),
    "loading": (
        "正在加载知识库…（首次打开需要几秒钟）",
        "Loading the knowledge base… (a few seconds on first open)",
    ),
    "loading_input": ("正在加载…", "Loading…"),
    "working": ("正在处理…", "Working…"),
    "generative": ("由模型组织答案", "Let the model write the answer"),
    "generative_help": (
        "用已配置的语言模型，仅依据所引条文写成答案；引用编号均经核对。关闭则只列出规划原文。",
        "The configured language model writes the answer from the cited clauses only; its "
        "citation markers are checked. Off: the plan's own clauses only.",
    ),
    "language": ("语言", "Language"),
}

#: The sidebar: the corpus, adding a document, building the index.
SIDEBAR: dict[str, tuple[str, str]] = {
    "corpus": ("语料", "Corpus"),
    "corpus_facts": ("文件 {docs} 个 · 片段 {chunks} 个", "Documents: {docs} · passages: {chunks}"),
    "embedder": ("向量模型", "Embedder"),
    "built": ("索引时间", "Indexed"),
    "add_doc": ("添加文件", "Add a document"),
    "add_help": (
        "支持 .txt .docx .pdf .md，每个不超过 50 MB",
        ".txt .docx .pdf .md, up to 50 MB each",
    ),
    "choose_file": ("选择文件", "Choose a file"),
    "add_button": ("添加并重建索引", "Add and re-index"),
    "added": ("已添加并重建索引：{name}", "Added and re-indexed: {name}"),
    "dismiss": ("知道了", "Dismiss"),
    "stage_parse": ("读取文件", "Reading documents"),
    "stage_embed": ("计算向量", "Computing vectors"),
    "stage_other": ("建立索引", "Building the index"),
    "no_index": ("还没有索引。", "There is no index yet."),
    "build": ("从 corpus/ 建立索引", "Build the index from corpus/"),
}

#: Errors, by kb's error name (the English column may add kb's own message).
ERRORS: dict[str, tuple[str, str]] = {
    "err_BadQuery": ("无法处理这个输入（请调整问题或筛选条件）：", "This input cannot be used: "),
    "err_query_empty": ("输入为空，请写下问题或描述。", "The input is empty; write a question."),
    "err_description_long": (
        "描述太长（{got} 字，上限 {limit} 字），请分成几段分别检查。",
        "The description is too long ({got} characters; the limit is {limit}). Split it into"
        " parts and check each.",
    ),
    "err_query_long": (
        "输入太长（{got} 字，上限 {limit} 字），请缩短后再试；项目描述请到“项目匹配”页。",
        "The input is too long ({got} characters; the limit is {limit}). Shorten it; for a"
        " project description use the Project fit page.",
    ),
    "err_UnknownDocument": ("索引里没有这个文件。", "That document is not in the index."),
    "err_IndexMissing": ("还没有索引。", "There is no index yet."),
    "err_IndexCorrupt": (
        "索引已损坏，请重新建立索引（policykb ingest）。",
        "The index is damaged; rebuild it (policykb ingest).",
    ),
    "err_IndexBusy": (
        "另一个进程正在写索引，请稍后再试。",
        "Another process is writing the index; try again soon.",
    ),
    "err_UnsupportedFormat": (
        "不支持这种文件：请上传 .txt、.docx、.pdf 或 .md 文件，文件名如“规划.txt”。",
        "This kind of file is not supported: give a .txt, .docx, .pdf or .md file.",
    ),
    "err_EmptyDocument": ("文件里没有文字内容。", "The file holds no text."),
    "err_UndecodableDocument": (
        "无法识别文件的文字编码（可能是二进制文件）。",
        "The file's text encoding cannot be recognised (it may be binary).",
    ),
    "err_DocumentTooLarge": ("文件太大（上限 50 MB）。", "The file is too large (limit 50 MB)."),
    "err_CorruptDocument": (
        "文件已损坏或无法打开（PDF 需含可复制的文字，不能是扫描图片）。",
        "The file is damaged or cannot be opened (a PDF needs selectable text, not scans).",
    ),
    "err_UnreadableDocument": ("无法读取这个文件。", "The file cannot be read."),
    "err_IngestError": (
        "无法添加这个文件（同名文件可能已在语料中）。",
        "The file cannot be added.",
    ),
    "err_other": (
        "无法为该文件建立索引，语料未作改动。",
        "The document could not be indexed; the corpus is unchanged.",
    ),
    "err_generic": ("出错了，请稍后再试。", "Something went wrong; try again."),
}
