from pathlib import Path

from backoffice.website import csp

NETLIFY = Path("netlify.toml")


def test_script_hash_matches_the_csp_spec_example():
    # sha256 of "alert('Hello, world.');", as in the CSP Level 3 specification.
    assert csp.script_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_inline_script_hashes_skip_external_and_data_scripts():
    html = (
        '<script src="a.js"></script>'
        '<script type="application/json">{"a": 1}</script>'
        "<script>alert('Hello, world.');</script>"
    )
    assert csp.inline_script_hashes(html) == {"'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"}


def test_policy_directives_split_a_header_value():
    assert csp.policy_directives("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'") == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'"],
    }


def test_site_policy_allows_wasm_but_never_eval():
    script_src = csp.policy_directives(csp.site_policy(NETLIFY))["script-src"]
    assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-eval'" not in script_src
    assert "'unsafe-inline'" not in script_src


def test_unallowed_scripts_names_the_hash_and_the_page(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text("<script>alert('Hello, world.');</script>")
    assert csp.unallowed_scripts(tmp_path, NETLIFY) == {
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='": ["sub/index.html"]
    }
