#!/usr/bin/env python3
"""Contrast of the theme's colour pairs in light and dark mode (WCAG 2.1 relative luminance).

    tools/theme-contrast.py [themes/standard/assets/css/site.css]

Reads the custom properties of `:root` and of `:root` inside `prefers-color-scheme: dark`, then
checks every pair of text and background the stylesheet uses. Text needs 4.5:1; the focus ring
and Handlungsfeld accents (non-text) need 3:1 against their background. Exit 1 on a failure.
"""
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else "themes/standard/assets/css/site.css"
css = open(path, encoding="utf-8").read()


def variables(block: str) -> dict:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


light_block = css[css.index(":root {"):css.index("@media (prefers-color-scheme: dark)")]
dark_start = css.index("@media (prefers-color-scheme: dark)")
dark_block = css[dark_start:css.index(".hf-arbeit {")]
light = variables(light_block)
dark = {**light, **variables(dark_block)}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


fields = ["arbeit", "inklusion", "integration", "bildung", "gesundheit", "aufwachsen", "mobilitaet",
          "senioren", "wohnen", "miteinander", "armut-notlagen"]
text_pairs = [(fg, bg) for fg in ("text", "muted", "link") for bg in ("bg", "surface", "surface-2", "hero-bg")]
text_pairs += [("on-brand", "brand"), ("footer-text", "footer-bg"), ("footer-muted", "footer-bg"),
               ("footer-link", "footer-bg")]
for field in fields:
    text_pairs += [("text", f"hf-{field}-tint"), ("muted", f"hf-{field}-tint"), ("link", f"hf-{field}-tint")]
other_pairs = [("focus", "bg"), ("focus", "surface"), ("focus", "surface-2"), ("footer-focus", "footer-bg"),
               ("brand", "surface"), ("border-strong", "surface")]
for field in fields:
    other_pairs += [(f"hf-{field}", "surface"), (f"hf-{field}", f"hf-{field}-tint")]

failures = 0
for name, scheme in (("hell", light), ("dunkel", dark)):
    worst = None
    for pairs, minimum in ((text_pairs, 4.5), (other_pairs, 3.0)):
        for fg, bg in pairs:
            value = ratio(scheme[fg], scheme[bg])
            if worst is None or value < worst[0]:
                worst = (value, fg, bg)
            if value < minimum:
                failures += 1
                print(f"{name}: --{fg} {scheme[fg]} auf --{bg} {scheme[bg]}: {value:.2f} : 1 (mindestens {minimum})")
    print(f"{name}: {len(text_pairs)} Textpaare, {len(other_pairs)} weitere Paare geprüft; "
          f"kleinster Kontrast {worst[0]:.2f} : 1 (--{worst[1]} auf --{worst[2]})")
print(f"{failures} failed" if failures else "alle Paare ausreichend")
sys.exit(1 if failures else 0)
