package org.gaitform.io.watch;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
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
            return new Guarded(f.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw error(source, e);
        }
    }

    /**
     * The JDK's parser can fail with a runtime exception of its own instead of an {@link XMLStreamException}
     * (found by fuzzing: a damaged {@code <!DOCTYPE>} makes it look up an error message it does not have and throw
     * {@code MissingResourceException}); this reader turns those into {@link XMLStreamException}s at the place
     * where parsing stopped, so they become the usual one-line message.
     */
    private static final class Guarded extends StreamReaderDelegate {
        Guarded(XMLStreamReader r) {
            super(r);
        }

        private XMLStreamException stopped(RuntimeException e) {
            if (e instanceof GaitformException g) {
                throw g; // not malformed: the reader refused the input (too large, the batch's budget spent)
            }
            String what = e instanceof java.util.MissingResourceException m && m.getKey() != null
                    ? m.getKey() : e.getClass().getSimpleName();
            return new XMLStreamException(what.contains("DTD") ? "malformed XML (a damaged document type declaration, "
                    + "<!DOCTYPE …>)" : "malformed XML (the parser stopped: " + what + ")", getLocation());
        }

        @Override
        public int next() throws XMLStreamException {
            try {
                return super.next();
            } catch (RuntimeException e) {
                throw stopped(e);
            }
        }

        @Override
        public int nextTag() throws XMLStreamException {
            try {
                return super.nextTag();
            } catch (RuntimeException e) {
                throw stopped(e);
            }
        }

        @Override
        public boolean hasNext() throws XMLStreamException {
            try {
                return super.hasNext();
            } catch (RuntimeException e) {
                throw stopped(e);
            }
        }

        @Override
        public String getElementText() throws XMLStreamException {
            try {
                return super.getElementText();
            } catch (RuntimeException e) {
                throw stopped(e);
            }
        }
    }

    /** A bad-input error for a parse failure, with the line when known. */
    static GaitformException error(String source, XMLStreamException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof GaitformException g) {
                return g; // the parser wrapped the reader's own refusal (a file too large): keep its message
            }
        }
        if (e.getNestedException() instanceof GaitformException g) {
            return g;
        }
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
