package com.roseash.cart.carts;

import java.util.List;

import com.roseash.contract.ServiceName;
import com.roseash.platform.db.Database;
import com.roseash.platform.db.DatabaseSettings;
import com.roseash.platform.db.DomainMigrations;
import com.roseash.platform.db.Migrator;
import com.roseash.platform.fragments.CartMini;
import com.roseash.platform.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Carts on a real PostgreSQL: adding, changing, removing, and the visitor's cart becoming the member's. */
class CartRepositoryTest {

    private static Database database;
    private static CartRepository carts;

    @BeforeAll
    static void start() {
        DatabaseSettings settings = TestPostgres.shared().newDatabase();
        new Migrator(settings, List.of(new DomainMigrations(ServiceName.CART.id()))).migrateAll();
        database = Database.connect(settings);
        carts = new CartRepository(database.client());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void itemsAreAddedSummedChangedAndRemoved() {
        String cart = CartRepository.newId();
        assertThat(CartMini.isCartId(cart)).isTrue();
        assertThat(carts.items(cart)).isEmpty();

        carts.add(cart, Seller.MARKET, "damson-jam", 1);
        carts.add(cart, Seller.MARKET, "rye-loaf", 2);
        carts.add(cart, Seller.MARKET, "damson-jam", 2);
        assertThat(carts.items(cart)).containsExactly(item("damson-jam", 3), item("rye-loaf", 2));

        carts.setQuantity(cart, Seller.MARKET, "rye-loaf", 5);
        carts.setQuantity(cart, Seller.MARKET, "damson-jam", 0);
        assertThat(carts.items(cart)).containsExactly(item("rye-loaf", 5));

        carts.add(cart, Seller.MARKET, "rye-loaf", 5000);
        assertThat(carts.items(cart)).as("capped").containsExactly(item("rye-loaf", CartRepository.MAX_QUANTITY));
        carts.remove(cart, Seller.MARKET, "rye-loaf");
        assertThat(carts.items(cart)).isEmpty();
    }

    @Test
    void atSignInTheVisitorsCartBecomesTheMembersOrJoinsTheOneTheyHad() {
        String firstBrowser = CartRepository.newId();
        carts.add(firstBrowser, Seller.MARKET, "damson-jam", 1);
        assertThat(carts.mergeAtSignIn(firstBrowser, "member-1")).as("no cart yet: this one becomes theirs")
                .isEqualTo(firstBrowser);
        assertThat(carts.cartOf("member-1")).contains(firstBrowser);

        String secondBrowser = CartRepository.newId();
        carts.add(secondBrowser, Seller.MARKET, "damson-jam", 2);
        carts.add(secondBrowser, Seller.MARKET, "rye-loaf", 1);
        String merged = carts.mergeAtSignIn(secondBrowser, "member-1");

        assertThat(merged).isEqualTo(firstBrowser);
        assertThat(carts.items(firstBrowser))
                .containsExactlyInAnyOrder(item("damson-jam", 3), item("rye-loaf", 1));
        assertThat(carts.items(secondBrowser)).as("the visitor's cart is gone").isEmpty();
        assertThat(carts.mergeAtSignIn(firstBrowser, "member-1")).as("signing in again changes nothing")
                .isEqualTo(firstBrowser);
        assertThat(carts.items(firstBrowser)).hasSize(2);

        String empty = CartRepository.newId();
        assertThat(carts.mergeAtSignIn(empty, "member-2")).as("a visitor with no cart yet").isEqualTo(empty);
        assertThat(carts.cartOf("member-2")).contains(empty);
    }

    @Test
    void anotherMembersCartLeftInTheBrowserIsNeverMergedOrTaken() {
        String shared = CartRepository.newId();
        carts.add(shared, Seller.MARKET, "damson-jam", 4);
        carts.mergeAtSignIn(shared, "member-a");

        String forB = carts.mergeAtSignIn(shared, "member-b");
        assertThat(forB).as("member b gets a cart of their own").isNotEqualTo(shared);
        assertThat(carts.items(forB)).isEmpty();
        assertThat(carts.cartOf("member-a")).contains(shared);
        assertThat(carts.items(shared)).containsExactly(item("damson-jam", 4));

        String bsOther = CartRepository.newId();
        carts.add(bsOther, Seller.MARKET, "rye-loaf", 1);
        assertThat(carts.mergeAtSignIn(bsOther, "member-b")).isEqualTo(forB);
        assertThat(carts.mergeAtSignIn(shared, "member-b")).as("a's cart still not merged into b's").isEqualTo(forB);
        assertThat(carts.items(forB)).containsExactly(item("rye-loaf", 1));
        assertThat(carts.items(shared)).containsExactly(item("damson-jam", 4));
    }

    @Test
    void onlyIdsOfTheRightShapeAreCartIds() {
        assertThat(CartMini.isCartId(null)).isFalse();
        assertThat(CartMini.isCartId("short")).isFalse();
        assertThat(CartMini.isCartId("x".repeat(31) + "'")).isFalse();
    }

    private static CartItem item(String slug, int quantity) {
        return new CartItem(Seller.MARKET, slug, quantity);
    }
}
