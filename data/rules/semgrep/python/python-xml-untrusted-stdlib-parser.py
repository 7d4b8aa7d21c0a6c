import xml.dom.minidom
import xml.etree.ElementTree as ET
import xml.sax

import defusedxml.ElementTree as DET
import defusedxml.minidom
from fastapi import FastAPI
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
api = FastAPI()


@app.route("/import", methods=["POST"])
def import_xml():
    # ruleid: python-xml-untrusted-stdlib-parser
    root = ET.fromstring(request.data)
    # ruleid: python-xml-untrusted-stdlib-parser
    dom = xml.dom.minidom.parseString(request.get_data())
    # ruleid: python-xml-untrusted-stdlib-parser
    xml.sax.parseString(request.data, xml.sax.ContentHandler())
    # ruleid: python-xml-untrusted-stdlib-parser
    tree = etree.fromstring(request.data)
    return str(root) + str(dom) + str(tree)


def django_view(request):
    # ruleid: python-xml-untrusted-stdlib-parser
    return ET.parse(request.FILES["doc"])


@app.route("/safe", methods=["POST"])
def safe():
    # ok: python-xml-untrusted-stdlib-parser
    root = DET.fromstring(request.data)
    # ok: python-xml-untrusted-stdlib-parser
    dom = defusedxml.minidom.parseString(request.get_data())
    # ok: python-xml-untrusted-stdlib-parser
    cfg = ET.parse("/etc/myapp/config.xml")
    return str(root) + str(dom) + str(cfg)
