"""Headless QGIS (python3-qgis) as a riskmap client: every collection over OAPIF with a Basic authcfg,
its first feature's attributes (ordered by id), and a vector-tile layer from a layer's TileJSON.
Usage: read-layers.py <base-url> <username> <password> <tilejson-layer> <collection>...  → JSON on stdout."""
import json
import os
import sys
import tempfile

os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')
profile = tempfile.mkdtemp(prefix='riskmap-qgis-')
os.environ['QGIS_AUTH_DB_DIR_PATH'] = profile

from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsVectorLayer, QgsVectorTileLayer, QgsBlockingNetworkRequest,
                       QgsFeatureRequest, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsRectangle,
                       QgsMapSettings, QgsMapRendererSequentialJob)
from qgis.PyQt.QtCore import QUrl, QVariant, QSize, QDate, QDateTime, Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtNetwork import QNetworkRequest

base, user, password, tile_layer = sys.argv[1:5]
collections = sys.argv[5:]
app = QgsApplication([], False, profile)
app.initQgis()
auth = QgsApplication.authManager()
auth.setMasterPassword('riskmap-test-master', True)
cfg = QgsAuthMethodConfig()
cfg.setMethod('Basic')
cfg.setName('riskmap')
cfg.setConfig('username', user)
cfg.setConfig('password', password)
stored = auth.storeAuthenticationConfig(cfg)
authid = cfg.id()


def plain(v):
    if isinstance(v, QVariant):
        v = None if v.isNull() else v.value()
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, QDate):
        return v.toString(Qt.ISODate)
    if isinstance(v, QDateTime):
        return v.toString(Qt.ISODateWithMs)
    if hasattr(v, 'toString'):
        return v.toString()
    return str(v)


out = {'authcfg': bool(authid), 'layers': {}}
for name in collections:
    layer = QgsVectorLayer(f"url='{base}/ogc' typename='{name}' authcfg={authid}", name, 'OAPIF')
    entry = {'valid': layer.isValid(), 'count': layer.featureCount()}
    if layer.isValid():
        entry['fields'] = {f.name(): f.typeName() for f in layer.fields()}
        req = QgsFeatureRequest()
        first = None
        for f in layer.getFeatures(req):
            if first is None or f.attribute('id') < first.attribute('id'):
                first = f
        if first is not None:
            entry['first'] = {layer.fields()[i].name(): plain(first.attributes()[i]) for i in range(len(first.attributes()))}
    out['layers'][name] = entry

# A vector-tile layer from the TileJSON (its tiles template and zooms), rendered headlessly over its bounds:
# QGIS fetches and decodes the tiles, and the painted pixels show it found features in them.
request = QgsBlockingNetworkRequest()
request.setAuthCfg(authid)
request.get(QNetworkRequest(QUrl(f'{base}/tiles/{tile_layer}.json')))
tj = json.loads(bytes(request.reply().content()).decode('utf-8'))
template = tj['tiles'][0]
vt = QgsVectorTileLayer(f"type=xyz&url={template}&zmin={tj['minzoom']}&zmax=14&authcfg={authid}", tile_layer)
tiles = {'valid': vt.isValid(), 'template': template, 'zmin': vt.sourceMinZoom(), 'zmax': vt.sourceMaxZoom()}
if vt.isValid():
    merc = QgsCoordinateReferenceSystem('EPSG:3857')
    box = QgsCoordinateTransform(QgsCoordinateReferenceSystem('EPSG:4326'), merc, QgsProject.instance()).transformBoundingBox(QgsRectangle(*tj['bounds']))
    settings = QgsMapSettings()
    settings.setLayers([vt])
    settings.setDestinationCrs(merc)
    settings.setExtent(box)
    settings.setOutputSize(QSize(256, 256))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    painted = 0
    for yy in range(0, img.height(), 2):
        for xx in range(0, img.width(), 2):
            if img.pixel(xx, yy) & 0xFFFFFF != 0xFFFFFF:
                painted += 1
    tiles['paintedPixels'] = painted
print(json.dumps({**out, 'tiles': tiles}, ensure_ascii=False))
sys.stdout.flush()
os._exit(0)  # QGIS 3.22 may crash while tearing down offscreen; the answer is already out
