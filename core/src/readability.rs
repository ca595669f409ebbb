//! Reading ease, for checking that what we write reads easily on a phone.
//!
//! English: Flesch, 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
//! Syllables are estimated as groups of vowels, with a silent final "e" dropped and at least
//! one per word.
//!
//! Spanish: Szigriszt-Pazos's perspicuity (Flesch's formula recalibrated for Spanish, the
//! measure behind the INFLESZ scale), 206.835 − 62.3 × (syllables ÷ words) − (words ÷
//! sentences). On INFLESZ's scale 65–80 is "bastante fácil" and above 80 "muy fácil", the
//! levels of Flesch's "fairly easy" and "easy". Spanish syllables follow the spelling: each
//! vowel nucleus is one, where two strong vowels (a, e, o) side by side are two (hiatus), as is a
//! weak one with a written accent (í, ú) beside another vowel; any other pair or triple (a
//! diphthong or triphthong, and the silent u of "que", "gui") is one.

/// Counts of a text's words, sentences and syllables.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl TextStats {
    /// Flesch reading ease; 60 or more reads as plain English.
    pub fn reading_ease(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        let sentences = self.sentences.max(1) as f64;
        let words = self.words as f64;
        206.835 - 1.015 * (words / sentences) - 84.6 * (self.syllables as f64 / words)
    }

    /// Szigriszt-Pazos's perspicuity, for Spanish text counted by [`stats_es`]; 65 or more is
    /// "bastante fácil" on the INFLESZ scale.
    pub fn reading_ease_es(&self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        let sentences = self.sentences.max(1) as f64;
        let words = self.words as f64;
        206.835 - 62.3 * (self.syllables as f64 / words) - words / sentences
    }
}

impl std::ops::Add for TextStats {
    type Output = TextStats;

    fn add(self, other: TextStats) -> TextStats {
        TextStats {
            words: self.words + other.words,
            sentences: self.sentences + other.sentences,
            syllables: self.syllables + other.syllables,
        }
    }
}

/// Estimated syllables in one word.
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word.chars().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    if w.is_empty() {
        return 0;
    }
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &w {
        let v = is_vowel(c);
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    // A silent final "e" ("take"), but not "-le" after a consonant ("gentle").
    if let [.., third, second, 'e'] = w[..] {
        if !is_vowel(second) && (second != 'l' || is_vowel(third)) {
            count -= 1;
        }
    }
    count.max(1)
}

/// Estimated syllables in one Spanish word.
pub fn syllables_es(word: &str) -> usize {
    let strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó');
    let stressed_weak = |c: char| matches!(c, 'í' | 'ú');
    let vowel = |c: char| strong(c) || stressed_weak(c) || matches!(c, 'i' | 'u' | 'ü');
    let mut count = 0;
    let mut previous: Option<char> = None;
    for c in word.chars().flat_map(char::to_lowercase) {
        if vowel(c) {
            let hiatus = previous.is_some_and(|p| (strong(p) && strong(c)) || stressed_weak(p) || stressed_weak(c));
            if previous.is_none() || hiatus {
                count += 1;
            }
            previous = Some(c);
        } else {
            previous = None;
        }
    }
    count.max(usize::from(word.chars().any(char::is_alphanumeric)))
}

/// Counts words, sentences and syllables of English text. Each line is at least one sentence
/// (headings and list items end without a full stop); within a line, `.`, `!` and `?` end
/// sentences.
pub fn stats(text: &str) -> TextStats {
    stats_with(text, syllables)
}

/// [`stats`] for Spanish text: Spanish syllables (and `¿…?`, `¡…!` end sentences as `?`, `!` do).
pub fn stats_es(text: &str) -> TextStats {
    stats_with(text, syllables_es)
}

fn stats_with(text: &str, syllables: fn(&str) -> usize) -> TextStats {
    let mut total = TextStats::default();
    for line in text.lines() {
        let mut sentences = 0;
        let mut words_in_sentence = 0;
        for token in line.split_whitespace() {
            let word: String = token.chars().filter(|c| c.is_alphanumeric() || *c == '\'').collect();
            if !word.is_empty() {
                total.words += 1;
                total.syllables += syllables(&word).max(usize::from(word.chars().all(|c| c.is_ascii_digit())));
                words_in_sentence += 1;
            }
            if token.ends_with(['.', '!', '?']) && words_in_sentence > 0 {
                sentences += 1;
                words_in_sentence = 0;
            }
        }
        if words_in_sentence > 0 {
            sentences += 1;
        }
        total.sentences += sentences;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_vowel_groups() {
        assert_eq!(syllables("partner"), 2);
        assert_eq!(syllables("take"), 1);
        assert_eq!(syllables("gentle"), 2);
        assert_eq!(syllables("intimacy"), 4);
        assert_eq!(syllables("I"), 1);
    }

    #[test]
    fn short_plain_sentences_read_easily_and_long_words_do_not() {
        let easy = stats("We talk at night. I feel safe with you.").reading_ease();
        let hard = stats("Interpersonal vulnerability facilitates relational consolidation.").reading_ease();
        assert!(easy > 90.0, "{easy}");
        assert!(hard < 0.0, "{hard}");
    }

    #[test]
    fn spanish_syllables_follow_nuclei_with_diphthongs_and_hiatus() {
        for (word, n) in [("pareja", 3), ("cuidado", 3), ("tiempo", 2), ("poeta", 3), ("día", 2), ("país", 2), ("que", 1), ("guerra", 2), ("buey", 1), ("y", 1), ("intimidad", 4), ("emocional", 4), ("confianza", 3), ("seguridad", 4), ("aún", 2)] {
            assert_eq!(syllables_es(word), n, "{word}");
        }
    }

    #[test]
    fn short_plain_spanish_reads_easily_and_long_words_do_not() {
        let easy = stats_es("Hablamos por la noche. Me siento bien contigo.").reading_ease_es();
        let hard = stats_es("La vulnerabilidad interpersonal facilita la consolidación relacional.").reading_ease_es();
        assert!(easy > 80.0, "{easy}");
        assert!(hard < 40.0, "{hard}");
    }

    #[test]
    fn each_line_counts_as_a_sentence() {
        let s = stats("## A heading\n- a list item\nOne. Two.");
        assert_eq!(s.sentences, 4);
        assert_eq!(s.words, 7);
    }
}
