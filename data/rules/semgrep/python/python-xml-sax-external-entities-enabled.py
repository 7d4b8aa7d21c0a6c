import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

parser = xml.sax.make_parser()
# ruleid: python-xml-sax-external-entities-enabled
parser.setFeature(feature_external_ges, True)
# ruleid: python-xml-sax-external-entities-enabled
parser.setFeature(xml.sax.handler.feature_external_pes, True)
# ok: python-xml-sax-external-entities-enabled
parser.setFeature(feature_external_ges, False)
# ok: python-xml-sax-external-entities-enabled
parser.setFeature(feature_namespaces, True)
# ok: python-xml-sax-external-entities-enabled
parser.setFeature(feature_external_pes, False)
# ruleid: python-xml-sax-external-entities-enabled
parser.setFeature(feature_external_pes, 1)
