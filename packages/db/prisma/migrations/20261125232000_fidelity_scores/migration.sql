-- A fidelity item pre-scored from data may have evidence but no suggested score (a figure below the
-- bands the brief gives): the reviewers score it. A score, when set, is 1–5 and the item 1–25: the
-- API refuses anything else with a typed error, and this trigger holds the line below it. (A
-- trigger, not a CHECK constraint: Prisma's wasm schema engine cannot read CHECK constraints back.)
ALTER TABLE "fidelity_item_score" ALTER COLUMN "score" DROP NOT NULL;

CREATE FUNCTION app.check_fidelity_score() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
  AS $$
  BEGIN
    IF NEW.item NOT BETWEEN 1 AND 25 OR (NEW.score IS NOT NULL AND NEW.score NOT BETWEEN 1 AND 5) THEN
      RAISE EXCEPTION 'a fidelity item is 1–25 and its score 1–5' USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END $$;

REVOKE ALL ON FUNCTION app.check_fidelity_score() FROM PUBLIC;

CREATE TRIGGER fidelity_score_range BEFORE INSERT OR UPDATE OF item, score ON fidelity_item_score
  FOR EACH ROW EXECUTE FUNCTION app.check_fidelity_score();
