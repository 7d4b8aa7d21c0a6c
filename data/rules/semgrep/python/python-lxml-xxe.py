from lxml import etree

# ruleid: python-lxml-xxe
p1 = etree.XMLParser(resolve_entities=True)
# ruleid: python-lxml-xxe
p2 = etree.XMLParser()
# ruleid: python-lxml-xxe
p3 = etree.XMLParser(load_dtd=True, no_network=False)
# ruleid: python-lxml-xxe
p4 = etree.XMLParser(remove_blank_text=True)

# ok: python-lxml-xxe
p5 = etree.XMLParser(resolve_entities=False, no_network=True)
# ok: python-lxml-xxe
p6 = etree.XMLParser(resolve_entities=False)
# ok: python-lxml-xxe
p7 = etree.XMLParser(resolve_entities="internal")
# ok: python-lxml-xxe
doc = etree.fromstring(b"<a/>", parser=p5)
