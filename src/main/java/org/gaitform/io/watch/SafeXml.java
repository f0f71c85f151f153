package org.gaitform.io.watch;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gaitform.model.GaitformException;

/**
 * A streaming XML parser for TCX and GPX with document type definitions and external entities turned off:
 * a {@code <!DOCTYPE>} is skipped without being read, an entity it declares is never expanded (a reference to
 * it is an error), and nothing outside the file is ever fetched — so XXE and "billion laughs" files fail with a
 * clear message instead of leaking files or exhausting memory.
 */
final class SafeXml {
    private SafeXml() {
    }

    static XMLStreamReader open(InputStream in, String source) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refused to resolve external entity " + systemId);
        });
        try {
            return f.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw error(source, e);
        }
    }

    /** A bad-input error for a parse failure, with the line when known. */
    static GaitformException error(String source, XMLStreamException e) {
        String where = e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? "line " + e.getLocation().getLineNumber() : "";
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int i = msg.indexOf("Message: ");
        if (i >= 0) {
            msg = msg.substring(i + 9);
        }
        return GaitformException.badInput(source, where, "well-formed XML without entity declarations",
                msg.replaceAll("\\s+", " ").trim());
    }
}
