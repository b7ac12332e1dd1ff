package com.roseash.market.editor;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.platform.web.Slugs;

/**
 * The local stack's demo market, read from JSON and saved through the editor's repository, so demo products
 * pass the same checks (exact prices, valid slugs) and rendering as an editor's.
 */
public final class DemoProducts {

    private final EditorRepository editor;

    public DemoProducts(EditorRepository editor) {
        this.editor = editor;
    }

    /** Loads categories, stalls and published products; the number of products. */
    public int load(InputStream json) throws IOException {
        JsonNode demo = new ObjectMapper().readTree(json);
        demo.path("categories").forEach(name -> editor.createCategory(Slugs.slugify(name.asText()), name.asText()));
        for (JsonNode stall : demo.path("stalls")) {
            editor.createStall(checked(new StallDraft(stall.path("name").asText(), Slugs.slugify(stall.path("name").asText()),
                    stall.path("description").asText(), stall.path("ownerKind").asText(), stall.path("owner").asText())));
        }
        int loaded = 0;
        for (JsonNode product : demo.path("products")) {
            String title = product.path("title").asText();
            ProductDraft draft = new ProductDraft(title, Slugs.slugify(title), product.path("markdown").asText(),
                    product.path("price").asText(), "GBP", product.path("stock").asText(), product.path("featured").asBoolean(),
                    List.of(), product.has("category") ? List.of(product.path("category").asText()) : List.of(),
                    product.path("stall").asText(), "");
            if (!draft.problems().isEmpty()) {
                throw new IllegalStateException("Demo product " + title + " is invalid: " + draft.problems());
            }
            editor.create(draft).ifPresent(id -> editor.publish(id));
            loaded++;
        }
        return loaded;
    }

    private static StallDraft checked(StallDraft stall) {
        Map<String, String> problems = stall.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Demo stall " + stall.name() + " is invalid: " + problems);
        }
        return stall;
    }
}
