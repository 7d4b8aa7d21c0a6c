import yaml


def parse(text, stream):
    # ruleid: python-yaml-unsafe-load
    a = yaml.load(text)
    # ruleid: python-yaml-unsafe-load
    b = yaml.load(text, Loader=yaml.Loader)
    # ruleid: python-yaml-unsafe-load
    c = yaml.unsafe_load(text)
    # ruleid: python-yaml-unsafe-load
    d = yaml.load(text, Loader=yaml.UnsafeLoader)
    # ruleid: python-yaml-unsafe-load
    e = list(yaml.load_all(stream, Loader=yaml.FullLoader))
    # ruleid: python-yaml-unsafe-load
    f = yaml.full_load(text)
    return a, b, c, d, e, f


def safe(text, stream):
    # ok: python-yaml-unsafe-load
    a = yaml.safe_load(text)
    # ok: python-yaml-unsafe-load
    b = yaml.load(text, Loader=yaml.SafeLoader)
    # ok: python-yaml-unsafe-load
    c = list(yaml.safe_load_all(stream))
    # ok: python-yaml-unsafe-load
    d = yaml.load(text, Loader=yaml.CSafeLoader)
    # ok: python-yaml-unsafe-load
    e = yaml.load(text, yaml.SafeLoader)
    return a, b, c, d, e


def ruamel_style(text):
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    # ok: python-yaml-unsafe-load
    return yaml.load(text)


class SafeOrderedLoader(yaml.SafeLoader):
    pass


def custom_loader(stream):
    # ok: python-yaml-unsafe-load
    a = yaml.load(stream, SafeOrderedLoader)
    # ok: python-yaml-unsafe-load
    b = yaml.load(stream, Loader=SafeOrderedLoader)
    return a, b
