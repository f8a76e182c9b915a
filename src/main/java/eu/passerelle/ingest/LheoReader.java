package eu.passerelle.ingest;

import eu.passerelle.geo.Gazetteer;
import eu.passerelle.model.PlaceRef;
import eu.passerelle.model.Provenance;
import eu.passerelle.model.Provider;
import eu.passerelle.model.Text;
import eu.passerelle.model.Training;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads LHÉO 2.3 XML (French training offers: lheo/offres/formation/action/session). One training record
 * per action: the formation's title, objective and RNCP certifications, the action's place, hours, price,
 * teaching modality and first session. Elements are matched by local name, with or without the
 * http://www.lheo.org/2.3 namespace. DOCTYPEs are refused (no external entities).
 */
public final class LheoReader {
    /** dict-modalites-enseignement: 0 entièrement présentielle, 1 mixte, 2 entièrement à distance. */
    private static final String[] MODALITIES = {"presentiel", "hybride", "distance"};

    private final Gazetteer gazetteer;
    private final String source;

    public LheoReader(Gazetteer gazetteer, String source) {
        this.gazetteer = gazetteer;
        this.source = source;
    }

    /** Every action of a document held in memory (the streaming path is {@link #read(InputStream, Consumer)}). */
    public List<FeedResult<Training>> read(String xml) {
        List<FeedResult<Training>> out = new ArrayList<>();
        read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    /**
     * Reads a document as a stream (StAX): one {@code <formation>} at a time is held, as a small DOM, and its
     * actions handed to {@code out} before the next is read, so a region's whole catalogue takes the memory of
     * one formation. An XML error ends the reading and is reported at the action where it was found.
     */
    public void read(InputStream in, Consumer<FeedResult<Training>> out) {
        int[] position = {0};
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                DocumentBuilderFactory dom = DocumentBuilderFactory.newInstance();
                dom.setNamespaceAware(true);
                DocumentBuilder builder = dom.newDocumentBuilder();
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new XMLStreamException("a DOCTYPE is not allowed");
                    }
                    if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("formation")) {
                        Element formation = subtree(r, builder.newDocument());
                        formation(formation, position, out);
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | ParserConfigurationException e) {
            out.accept(FeedResult.refused(position[0] + 1, "not valid LHÉO XML: " + message(e)));
            return;
        }
        if (position[0] == 0) {
            out.accept(FeedResult.refused(1, "no <formation> with an <action> in this LHÉO document"));
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? "the XML breaks off or cannot be parsed here" : e.getMessage(); // never a class name
        // StAX prefixes "ParseError at [row,col]:[3,12]\nMessage: ..." : keep the place and the message on one line.
        return m.replace("\nMessage:", "").lines().map(String::strip).reduce((x, y) -> x + " " + y).orElse("");
    }

    /** The element the reader is at, with everything inside it, as DOM (the reader ends on its end tag). */
    private static Element subtree(XMLStreamReader r, Document doc) throws XMLStreamException {
        Element root = element(r, doc);
        Node current = root;
        int depth = 1;
        while (depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element e = element(r, doc);
                    current.appendChild(e);
                    current = e;
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    current = current.getParentNode();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> current.appendChild(doc.createTextNode(r.getText()));
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("entity references are not allowed");
                default -> {
                }
            }
        }
        return root;
    }

    private static Element element(XMLStreamReader r, Document doc) {
        Element e = doc.createElementNS(r.getNamespaceURI(), r.getLocalName());
        for (int i = 0; i < r.getAttributeCount(); i++) {
            e.setAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        return e;
    }

    /** The actions of one formation, each a training. */
    private void formation(Element formation, int[] position, Consumer<FeedResult<Training>> out) {
        String title = text(child(formation, "intitule-formation"));
        List<String> certifications = new ArrayList<>();
        for (Element c : children(formation, "certification")) {
            String rncp = text(child(c, "code-RNCP")).replaceAll("\\D", "");
            if (!rncp.isEmpty()) {
                certifications.add("RNCP" + rncp);
            }
        }
        Element responsible = child(formation, "organisme-formation-responsable");
        String organisation = text(child(responsible, "raison-sociale"));
        String formationId = attr(formation, "numero");
        int actionIndex = 0;
        for (Element action : children(formation, "action")) {
            position[0]++;
            actionIndex++;
            if (title.isEmpty()) {
                out.accept(FeedResult.refused(position[0], "formation without intitule-formation"));
                continue;
            }
            String actionId = attr(action, "numero").isEmpty() ? String.valueOf(actionIndex) : attr(action, "numero");
            String id = "training:" + Text.slug(source + "-" + (formationId.isEmpty() ? title : formationId) + "-" + actionId);
            Element address = child(child(child(action, "lieu-de-formation"), "coordonnees"), "adresse");
            List<PlaceRef> places = new ArrayList<>();
            String town = text(child(address, "ville"));
            Element geo = child(address, "geolocalisation");
            try {
                if (geo != null) {
                    places.add(new PlaceRef(town, Double.parseDouble(text(child(geo, "latitude"))), Double.parseDouble(text(child(geo, "longitude"))), "FR"));
                } else if (!town.isEmpty()) {
                    gazetteer.resolve(town + ", FR").ifPresent(p -> places.add(new PlaceRef(town, p.lat(), p.lon(), "FR")));
                }
            } catch (NumberFormatException e) {
                out.accept(FeedResult.refused(position[0], "geolocalisation is not a pair of decimal degrees"));
                continue;
            }
            Integer hours = null;
            String h = text(child(action, "nombre-heures-total")).replace(',', '.');
            if (!h.isEmpty()) {
                try {
                    hours = (int) Math.round(Double.parseDouble(h));
                } catch (NumberFormatException e) {
                    out.accept(FeedResult.refused(position[0], "nombre-heures-total is not a number"));
                    continue;
                }
            }
            String modality = "";
            String m = text(child(action, "modalites-enseignement"));
            if (m.matches("[012]")) {
                modality = MODALITIES[Integer.parseInt(m)];
            }
            String price = text(child(action, "prix-total-TTC"));
            String firstSession = "";
            Element session = child(action, "session");
            String start = text(child(child(session, "periode"), "debut"));
            if (start.matches("\\d{8}")) {
                firstSession = start.substring(0, 4) + "-" + start.substring(4, 6) + "-" + start.substring(6);
            }
            String url = text(child(child(action, "url-action"), "urlweb"));
            if (url.isEmpty()) {
                url = text(child(child(formation, "url-formation"), "urlweb"));
            }
            List<Provider> providers = organisation.isEmpty() ? List.of() : List.of(new Provider(organisation, "organisme responsable", "FR"));
            out.accept(FeedResult.ok(position[0], new Training(id, "course", title, certifications, "", "", "", hours, modality,
                    text(child(action, "rythme-formation")), price.isEmpty() ? "" : price + " € TTC", "", text(child(action, "info-public-vise")),
                    providers, places, "FR", "", List.of(), firstSession, url, List.of(),
                    text(child(formation, "objectif-formation")), Provenance.of("feed:" + source, "LHÉO 2.3 feed " + source),
                    address(address), contact(child(child(formation, "contact-formation"), "coordonnees")))));
        }
    }

    /** "1 rue de l'Exemple, 54400 Longwy": the lines, then postcode and town, as LHÉO gives them. */
    private static String address(Element adresse) {
        List<String> parts = new ArrayList<>();
        children(adresse, "ligne").forEach(l -> parts.add(text(l)));
        parts.add((text(child(adresse, "codepostal")) + " " + text(child(adresse, "ville"))).strip());
        return String.join(", ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }

    /** Whom to ask about the training: name, telephone and e-mail of its contact, where given. */
    private static String contact(Element coordonnees) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("nom", "telfixe", "portable", "courriel")) {
            String t = text(child(coordonnees, field));
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        return String.join(", ", parts);
    }

    private static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && name.equals(c.getLocalName() != null ? c.getLocalName() : c.getTagName())) {
                out.add(c);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        List<Element> c = children(e, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().replaceAll("\\s+", " ").strip();
    }

    private static String attr(Element e, String name) {
        return e == null ? "" : e.getAttribute(name).strip();
    }
}
