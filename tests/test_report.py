"""certplan report: files, escaping, --force, Markdown, and a real browser printing it to PDF."""

import shutil
import subprocess

import pytest

ROSTER = (
    "Student ID,First Name,Last Name,Email,Highest Education,Years of Experience,Credentials\n"
    "S1,Ana,Diaz,a@x.edu,associate,2,\n"
    "S2,<script>alert(1)</script>,,b@x.edu,high school,0,\n"
    "S3,Cy,Ng,c@x.edu,bachelor,3,CPC\n"
)


@pytest.fixture
def roster(tmp_path):
    f = tmp_path / "roster.csv"
    f.write_text(ROSTER)
    return f


def test_report_files_and_escaping(run, roster, tmp_path):
    out = tmp_path / "reports"
    r = run("report", "--profiles", roster, "--out", out)
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "0001-s1.html",
        "0002-s2.html",
        "0003-s3.html",
        "all.html",
        "index.html",
    ]
    assert f"certplan: wrote 3 student page(s), index.html and all.html to {out}" in r.stderr
    page = (out / "0002-s2.html").read_text()
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    for p in out.iterdir():
        text = p.read_text()
        assert "<script" not in text.lower() and "http-equiv" not in text.lower()
        assert 'src="http' not in text and 'href="http' not in text  # nothing loaded from the network
    ana = (out / "0001-s1.html").read_text()
    assert "Top recommendation: CCS" in ana and "<svg" in ana and "Study plan for CCS" in ana
    assert "AAPC 2025 salary survey" in ana  # pay with its period and source
    index = (out / "index.html").read_text()
    assert '<a href="0001-s1.html">Ana Diaz</a>' in index and "Per credential" in index


def test_report_refuses_to_replace_without_force(run, roster, tmp_path):
    out = tmp_path / "reports"
    assert run("report", "--profiles", roster, "--out", out).exit_code == 0
    before = (out / "index.html").read_text()
    r = run("report", "--profiles", roster, "--out", out)
    assert r.exit_code == 2
    assert r.stderr.splitlines()[-1] == (
        f"certplan: {out}: already has a report (0001-s1.html and 4 more); "
        "use --force to replace it, or choose another --out folder"
    )
    assert run("report", "--profiles", roster, "--out", out, "--force").exit_code == 0
    assert (out / "index.html").read_text() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_report_markdown_and_a_bad_row(run, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("Name,Experience\nAna [x](http://evil),1\nBo,lots\n")
    out = tmp_path / "md"
    r = run("report", "--profiles", f, "--out", out, "--format", "markdown")
    assert r.exit_code == 5
    assert sorted(p.name for p in out.iterdir()) == ["0001-ana-x-http-evil.md", "index.md"]
    page = (out / "0001-ana-x-http-evil.md").read_text()
    assert page.startswith("# Ana \\[x\\]\\(http://evil\\)\n")
    index = (out / "index.md").read_text()
    assert "| 2 | Bo | not answered: experience 'lots' is not a number of years from 0 to 60 | |" in index
    assert f"{f}: row 2 (Bo), line 3: experience 'lots' is not a number of years from 0 to 60" in r.stderr


def test_bad_roster_writes_nothing(run, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("Nmae,Experience\nAna,1\n")
    out = tmp_path / "reports"
    r = run("report", "--profiles", f, "--out", out)
    assert r.exit_code == 2 and not out.exists()


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def _pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for i in range(1, n + 1)
    ]


@pytest.mark.skipif(
    shutil.which("chromium") is None or shutil.which("pdftotext") is None,
    reason="needs Debian's chromium and poppler-utils (.ci/run installs them)",
)
def test_chromium_prints_each_student_on_their_own_pages(run, roster, tmp_path):
    out = tmp_path / "reports"
    assert run("report", "--profiles", roster, "--out", out).exit_code == 0
    pdf = tmp_path / "all.pdf"
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    proc = subprocess.run(
        [
            "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            (out / "all.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0 and pdf.exists(), proc.stderr[-2000:]
    pages = _pages(pdf)
    starts = [i for i, text in enumerate(pages) if "roster row" in text]
    assert len(starts) == 3  # each student's first page
    expected = [("Ana Diaz", "CCS"), ("<script>alert(1)</script>", "CPC"), ("Cy Ng", "CCS")]
    for (name, top), first in zip(expected, starts):
        head = pages[first].lstrip().splitlines()[0].strip()
        assert head == name  # the name, as text, at the top of a fresh page
        assert f"Top recommendation: {top}" in pages[first]
    # no page holds two students
    for text in pages:
        assert sum(n in text for n, _ in expected if n != "Cy Ng") <= 1
