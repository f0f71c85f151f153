package org.gaitform.web;

/** Building HTML text: everything that is not markup goes through {@link #esc}. */
final class Html {
    private final StringBuilder sb = new StringBuilder(8192);

    /** Escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('?');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Appends markup as it is. */
    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    /** Appends escaped text. */
    Html text(String text) {
        sb.append(esc(text));
        return this;
    }

    /** {@code <tag attrs>text</tag>} with the text escaped; attrs are markup. */
    Html el(String tag, String attrs, String text) {
        sb.append('<').append(tag);
        if (attrs != null && !attrs.isEmpty()) {
            sb.append(' ').append(attrs);
        }
        sb.append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
