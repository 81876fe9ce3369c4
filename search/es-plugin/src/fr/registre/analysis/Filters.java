package fr.registre.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

/** Thin factories over Lucene's own filters, configured like Elasticsearch's. */
final class Filters {

    private Filters() {}

    /** Accent folding ("Étude" → "etude"); usable in keyword normalizers too. */
    static final class AsciiFolding extends AbstractTokenFilterFactory
            implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFolding(String name, Settings settings) {
            super(name, settings);
            preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream stream) {
            return new ASCIIFoldingFilter(stream, preserveOriginal);
        }
    }

    /** Removes French elided articles: "l'imagerie" → "imagerie". */
    static final class Elision extends AbstractTokenFilterFactory
            implements NormalizingTokenFilterFactory {
        private final CharArraySet articles;

        Elision(String name, Settings settings) {
            super(name, settings);
            List<String> configured = settings.getAsList("articles");
            boolean ignoreCase = settings.getAsBoolean("articles_case", false);
            articles = configured.isEmpty()
                ? FrenchAnalyzer.DEFAULT_ARTICLES
                : new CharArraySet(configured, ignoreCase);
        }

        @Override
        public TokenStream create(TokenStream stream) {
            return new ElisionFilter(stream, articles);
        }
    }

    /** The stemmers our French and English fields use, by Elasticsearch's names. */
    static final class Stemmer extends AbstractTokenFilterFactory {
        private static final Map<String, UnaryOperator<TokenStream>> STEMMERS = Map.of(
            "light_french", FrenchLightStemFilter::new,
            "minimal_french", FrenchMinimalStemFilter::new,
            "english", PorterStemFilter::new,
            "light_english", KStemFilter::new,
            "possessive_english", EnglishPossessiveFilter::new
        );
        private final UnaryOperator<TokenStream> stemmer;

        Stemmer(String name, Settings settings) {
            super(name, settings);
            String language = settings.get("language", settings.get("name", "light_french"));
            stemmer = STEMMERS.get(language);
            if (stemmer == null) {
                throw new IllegalArgumentException(
                    "stemmer [" + name + "]: unsupported language [" + language + "], expected one of "
                        + STEMMERS.keySet());
            }
        }

        @Override
        public TokenStream create(TokenStream stream) {
            return stemmer.apply(stream);
        }
    }

    /** Prefixes of each token, for autocomplete: "cardio" → c, ca, car… */
    static final class EdgeNGram extends AbstractTokenFilterFactory {
        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;

        EdgeNGram(String name, Settings settings) {
            super(name, settings);
            minGram = settings.getAsInt("min_gram", 1);
            maxGram = settings.getAsInt("max_gram", 2);
            preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream stream) {
            return new EdgeNGramTokenFilter(stream, minGram, maxGram, preserveOriginal);
        }
    }
}
