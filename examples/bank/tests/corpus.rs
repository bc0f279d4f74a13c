fn main() {
    rewind::CorpusTests::new(&[rewind::domain::<bank::Bank>()]).main();
}
