"""What production collects of the static files: GOV.UK Frontend's package holds its Sass,
Nunjucks templates, ES modules and fixtures too, a thousand files no page asks for, which would
make every `collectstatic` (hashing, gzip and brotli) take minutes. The pages use only its
compiled CSS and JavaScript and its assets."""

from django.contrib.staticfiles.apps import StaticFilesConfig

NOT_SERVED = [
    "*.scss",
    "*.scss.map",
    "*.mjs",
    "*.mjs.map",
    "*.html",
    "*.njk",
    "*.json",
    "*.md",
    "all.bundle.*",
    "*.bundle.js",
    "*.bundle.js.map",
]


class StaticFiles(StaticFilesConfig):
    ignore_patterns = [*StaticFilesConfig.ignore_patterns, *NOT_SERVED]
